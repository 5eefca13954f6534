using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Chatbot.Staff.Notifications;

/// <summary>Registers staff-notification delivery (called from <c>AddChatbot</c>; also used by tests).</summary>
internal static class NotificationRegistration
{
    /// <summary>
    /// Adds validated <see cref="NotificationOptions"/>, the webhook channel (typed HttpClient with one standard
    /// resilience handler) and the <see cref="NotificationDispatcher"/> as a hosted service. The outbox itself is
    /// registered with the storage provider.
    /// </summary>
    public static IServiceCollection AddStaffNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The channel lives in a singleton (the dispatcher), so it keeps its HttpClient: rotate pooled connections
        // instead of handlers to follow DNS changes. Retries are the outbox's job (durable, with backoff), so the
        // resilience handler does not retry the POST itself; it keeps its timeouts and circuit breaker. The default
        // HttpClient logging is removed because it would log the webhook URL, which often carries a token.
        services.AddHttpClient<WebhookNotificationChannel>(WebhookNotificationChannel.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
        services.AddSingleton<INotificationChannel>(sp => sp.GetRequiredService<WebhookNotificationChannel>());

        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
