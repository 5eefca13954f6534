using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Chatbot.Hosting;

/// <summary>Registers what every request goes through (called from <c>AddChatbot</c>).</summary>
internal static class HostingRegistration
{
    /// <summary>
    /// Adds the clock, problem details, HSTS, the forwarded-headers settings (and the refusal to run without HTTPS outside
    /// Development), the rate limits, the embedding origins and the hourly retention run.
    /// </summary>
    public static IServiceCollection AddChatbotHosting(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, HttpsDeploymentValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) => settings.Value.ApplyTo(options));
        services.AddChatbotRateLimiting();
        services.AddOptions<EmbedOptions>().BindConfiguration(EmbedOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
