using System.Net;
using Chatbot.Faq.Safety;
using Chatbot.Clinic.Notifications;
using Chatbot.Testing;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Health;

/// <summary>The real start-up: a staff-notification backlog leaves the instance ready (200) but says it is degraded.</summary>
public sealed class ReadinessDegradedTests(ReadinessDegradedTests.Factory factory) : IClassFixture<ReadinessDegradedTests.Factory>
{
    [Fact]
    public async Task AnUndeliveredBacklogIsDegradedNotDown()
    {
        await KnowledgeReady.WaitAsync(factory.Services);
        Assert.NotNull(factory.Services.GetRequiredService<SafetyModelHolder>().Wait(TimeSpan.FromMinutes(5)));
        var outbox = factory.Services.GetRequiredService<INotificationOutbox>();
        for (var i = 0; i < 2; i++)
        {
            await outbox.EnqueueAsync(TestBookings.Notification(TestBookings.Request($"PSI-DEGRADED{i}", DateTimeOffset.UtcNow)), CancellationToken.None);
        }

        using var ready = await factory.CreateClient().GetAsync("/readyz");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"status\":\"degraded\"", body, StringComparison.Ordinal);
        Assert.Contains("\"notification-outbox\":\"Degraded\"", body, StringComparison.Ordinal);
        Assert.Contains("\"safetyModel\":\"loaded\"", body, StringComparison.Ordinal);
    }

    public sealed class Factory : ChatbotAppFactory
    {
        protected override IDictionary<string, string?> Settings => HealthCheckTests.Webhook;
    }
}
