using System.Collections.Concurrent;
using Chatbot.Notifications;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Tests.Notifications;

/// <summary>The production notification registrations on a plain service provider, with a fake clock and recorded logs.</summary>
internal sealed class NotificationTestHost : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789";

    private readonly ServiceProvider _services;

    public NotificationTestHost(INotificationOutbox outbox, Uri? webhookUrl, string? secret = Secret, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Chatbot:Notifications:WebhookUrl"] = webhookUrl?.ToString(),
            ["Chatbot:Notifications:WebhookSecret"] = secret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new RecordingLoggerProvider(Logs)));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(outbox);
        services.AddStaffNotifications();
        _services = services.BuildServiceProvider(validateScopes: true);
        Outbox = outbox;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));

    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logs { get; } = new();

    public INotificationOutbox Outbox { get; }

    public IServiceProvider Services => _services;

    public NotificationDispatcher Dispatcher => _services.GetRequiredService<NotificationDispatcher>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
