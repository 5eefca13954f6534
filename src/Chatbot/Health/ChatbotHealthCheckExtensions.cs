using Chatbot.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The bot's health checks (framework <c>AddHealthChecks</c>) and their two endpoints.</summary>
public static class ChatbotHealthCheckExtensions
{
    /// <summary>The tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The database check's name.</summary>
    public const string DatabaseCheck = "database";

    /// <summary>The models check's name.</summary>
    public const string ModelsCheck = "models";

    /// <summary>The notification outbox check's name.</summary>
    public const string OutboxCheck = "notification-outbox";

    /// <summary>
    /// Adds validated <see cref="HealthOptions"/> (<c>Chatbot:Health</c>) and the readiness checks: the database
    /// (through the conversation store), the FAQ and safety models, and the staff notification outbox's backlog.
    /// A storage provider needs nothing of its own here: the checks use the store ports.
    /// </summary>
    public static IServiceCollection AddChatbotHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddSingleton<ModelsHealthCheck>();
        services.AddSingleton<OutboxBacklogHealthCheck>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseCheck, tags: [ReadyTag])
            .AddCheck<ModelsHealthCheck>(ModelsCheck, tags: [ReadyTag])
            .AddCheck<OutboxBacklogHealthCheck>(OutboxCheck, tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// Maps <c>/healthz</c> (liveness: the process answers; runs no check) and <c>/readyz</c> (readiness: 200 when
    /// healthy or degraded, 503 when a check fails, with each check's figures in the body).
    /// </summary>
    public static IEndpointRouteBuilder MapChatbotHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponses.WriteLivenessAsync });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = HealthResponses.WriteReadinessAsync });
        return endpoints;
    }
}
