using Chatbot.Patients.Booking;
using Chatbot.Staff.Notifications;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Tests.Notifications;

public sealed class NotificationHostingTests
{
    [Fact]
    public void TheBotRunsTheDispatcherAndTheBookingRetryService()
    {
        using var factory = new ChatbotAppFactory();

        var hosted = factory.Services.GetServices<IHostedService>().ToList();

        Assert.Contains(hosted, h => h is NotificationDispatcher);
        Assert.Contains(hosted, h => h is PendingBookingRetryService);
        Assert.Same(factory.Services.GetRequiredService<PendingBookingQueue>(), factory.Services.GetRequiredService<PendingBookingQueue>());
        Assert.Empty(factory.Services.GetRequiredService<NotificationDispatcher>().ConfiguredChannels);
        // Hosted services run in the background: give the dispatcher a moment to say so.
        Assert.True(SpinWait.SpinUntil(() => factory.Logs.Any(l => l.Message.Contains("only stored in the outbox", StringComparison.Ordinal)), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void AConfiguredWebhookIsADeliveryChannel()
    {
        using var factory = new WebhookFactory();

        var channel = Assert.Single(factory.Services.GetRequiredService<NotificationDispatcher>().ConfiguredChannels);

        Assert.Equal("webhook", channel.Name);
        Assert.DoesNotContain(factory.Logs, l => l.Message.Contains("hooks.clinic.example", StringComparison.Ordinal) || l.Message.Contains(NotificationTestHost.Secret, StringComparison.Ordinal));
    }

    private sealed class WebhookFactory : ChatbotAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Chatbot:Notifications:WebhookUrl"] = "https://hooks.clinic.example/staff/token-123",
            ["Chatbot:Notifications:WebhookSecret"] = NotificationTestHost.Secret,
        };
    }
}
