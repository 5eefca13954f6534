using System.Net;
using Chatbot.Patients.Booking;
using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.Notifications;
using Chatbot.Testing;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moq;

namespace Chatbot.Tests.Health;

/// <summary>Issue 14: readiness through the framework's health checks — the database, the models, the outbox backlog.</summary>
public sealed class HealthCheckTests
{
    private static readonly string[] Checks = [ChatbotHealthCheckExtensions.DatabaseCheck, ChatbotHealthCheckExtensions.ModelsCheck, ChatbotHealthCheckExtensions.OutboxCheck];

    [Fact]
    public async Task AnUnreachableDatabaseMakesTheInstanceNotReady()
    {
        var states = new Mock<IConversationStateStore>();
        states.Setup(s => s.ReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk gone"));
        await using var host = new Host(services => services.Replace(ServiceDescriptor.Singleton(states.Object)));

        var report = await CheckAsync(host);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[ChatbotHealthCheckExtensions.DatabaseCheck].Status);

        using var ready = await host.CreateClient().GetAsync("/readyz");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"storage\":\"unreachable\"", body, StringComparison.Ordinal);
        Assert.Contains("\"database\":\"Unhealthy\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("disk gone", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookingRequestsWaitingInMemoryDegradeTheDatabaseCheck()
    {
        await using var host = new Host();
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host)).Entries[ChatbotHealthCheckExtensions.DatabaseCheck].Status);

        var request = TestBookings.Request("PSI-HEALTH1", DateTimeOffset.UtcNow);
        host.Services.GetRequiredService<PendingBookingQueue>().Enqueue(request, TestBookings.Notification(request));
        var database = (await CheckAsync(host)).Entries[ChatbotHealthCheckExtensions.DatabaseCheck];
        Assert.Equal(HealthStatus.Degraded, database.Status);
        Assert.Equal(1, database.Data["unsavedBookingRequests"]);
    }

    [Fact]
    public async Task AnOutboxBacklogDegradesReadinessOnlyWhileAChannelIsConfigured()
    {
        await using var delivering = new Host(settings: Webhook);
        await using var storing = new Host(settings: new() { ["Chatbot:Health:OutboxBacklogDegradedAt"] = "2" });
        foreach (var host in new[] { delivering, storing })
        {
            var outbox = host.Services.GetRequiredService<INotificationOutbox>();
            for (var i = 0; i < 2; i++)
            {
                var request = TestBookings.Request($"PSI-OUTBOX{i}", DateTimeOffset.UtcNow);
                await outbox.EnqueueAsync(TestBookings.Notification(request), CancellationToken.None);
            }
        }

        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(delivering)).Entries[ChatbotHealthCheckExtensions.OutboxCheck].Status);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(storing)).Entries[ChatbotHealthCheckExtensions.OutboxCheck].Status);
    }

    [Fact]
    public async Task LivenessRunsNoCheck()
    {
        var states = new Mock<IConversationStateStore>(MockBehavior.Strict);
        await using var host = new Host(services => services.Replace(ServiceDescriptor.Singleton(states.Object)));
        using var response = await host.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"alive\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store, no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public void TheThresholdIsValidatedAtStart()
    {
        using var host = new Host(settings: new() { ["Chatbot:Health:OutboxBacklogDegradedAt"] = "0" });
        var error = Assert.ThrowsAny<Exception>(() => host.Services).ToString();
        Assert.Contains("OutboxBacklogDegradedAt", error, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string?> Webhook => new()
    {
        ["Chatbot:Notifications:WebhookUrl"] = "https://127.0.0.1:9/hooks/clinic",
        ["Chatbot:Notifications:WebhookSecret"] = "health-check-test-secret-0123456789",
        ["Chatbot:Health:OutboxBacklogDegradedAt"] = "2",
    };

    private static Task<HealthReport> CheckAsync(Host host) =>
        host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => Checks.Contains(r.Name), CancellationToken.None);

    private sealed class Host(Action<IServiceCollection>? replace = null, Dictionary<string, string?>? settings = null) : ScriptedClassifierFactory
    {
        protected override IDictionary<string, string?> Settings => settings ?? [];

        protected override void ConfigureMoreServices(IServiceCollection services) => replace?.Invoke(services);
    }
}
