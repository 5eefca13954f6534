using Chatbot.Testing;
using System.Net;
using System.Text;
using System.Text.Json;
using Chatbot.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Storage.InMemory;

namespace Chatbot.Tests.Notifications;

public sealed class WebhookNotificationChannelTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 1, 14, 59, 30, TimeSpan.Zero);

    [Fact]
    public async Task TheWebhookGetsTheNotificationSignedWithItsHeaders()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), receiver.Url);
        var notification = TestBookings.Notification(TestBookings.Request("PSI-AAAAAA", Received), id: "delivery-1");
        var channel = host.Services.GetServices<INotificationChannel>().Single();

        await channel.DeliverAsync(notification, CancellationToken.None);

        var call = Assert.Single(receiver.Received);
        var now = host.Clock.GetUtcNow();
        Assert.Equal("delivery-1", call.Headers["X-Clinic-Delivery"]);
        Assert.Equal("BookingRequested", call.Headers["X-Clinic-Event"]);
        Assert.Equal(now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), call.Headers["X-Clinic-Timestamp"]);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Matches("^sha256=[0-9a-f]{64}$", call.Headers["X-Clinic-Signature"]);
        Assert.True(WebhookSignature.Verify(NotificationTestHost.Secret, call.Headers["X-Clinic-Timestamp"], call.Headers["X-Clinic-Signature"], call.Body, now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task TheSignatureIsTheDocumentedHmacOverTimestampDotBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), receiver.Url);
        await host.Services.GetRequiredService<WebhookNotificationChannel>()
            .DeliverAsync(TestBookings.Notification(TestBookings.Request("PSI-BBBBBB", Received)), CancellationToken.None);

        var call = Assert.Single(receiver.Received);
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(NotificationTestHost.Secret));
        var expected = "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash([.. Encoding.ASCII.GetBytes(call.Headers["X-Clinic-Timestamp"] + "."), .. call.Body]));
        Assert.Equal(expected, call.Headers["X-Clinic-Signature"]);
        Assert.False(WebhookSignature.Verify("another-secret-123456", call.Headers["X-Clinic-Timestamp"], call.Headers["X-Clinic-Signature"], call.Body, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(NotificationTestHost.Secret, call.Headers["X-Clinic-Timestamp"], call.Headers["X-Clinic-Signature"], call.Body, host.Clock.GetUtcNow().AddMinutes(10), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void TheDocumentedTestVectorHolds() =>
        Assert.Equal(
            "sha256=47493afd51a8e331e8020fc41e82f29b18d127cdc4b4758fbb4da5a403cbac10",
            WebhookSignature.Compute("0123456789abcdef", 1764601200, """{"id":"x"}"""u8));

    [Fact]
    public async Task TheBodyCarriesIdKindTimeSubjectAndThePayloadAsAnObject()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), receiver.Url);
        var request = TestBookings.Request("PSI-CCCCCC", Received);
        var notification = TestBookings.Notification(request, id: "delivery-3");

        await host.Services.GetRequiredService<WebhookNotificationChannel>().DeliverAsync(notification, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(receiver.Received).Body);
        var root = body.RootElement;
        Assert.Equal(["id", "kind", "createdAt", "subject", "payload"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("delivery-3", root.GetProperty("id").GetString());
        Assert.Equal("BookingRequested", root.GetProperty("kind").GetString());
        Assert.Equal(Received, root.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal("New booking request PSI-CCCCCC", root.GetProperty("subject").GetString());
        var payload = root.GetProperty("payload");
        Assert.Equal(JsonValueKind.Object, payload.ValueKind);
        Assert.Equal("PSI-CCCCCC", payload.GetProperty("reference").GetString());
        Assert.Equal(TestBookings.Phone, payload.GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(401)]
    public async Task AnyStatusButSuccessIsAFailure(int status)
    {
        await using var receiver = await WebhookReceiver.StartAsync(status);
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), receiver.Url);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => host.Services.GetRequiredService<WebhookNotificationChannel>()
            .DeliverAsync(TestBookings.Notification(TestBookings.Request("PSI-DDDDDD", Received)), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(receiver.Received); // The POST is not retried inside the HTTP pipeline: the outbox retries.
    }

    [Fact]
    public async Task TheChannelIsOffWithoutAUrl()
    {
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), webhookUrl: null, secret: null);

        Assert.False(host.Services.GetRequiredService<WebhookNotificationChannel>().IsConfigured);
        Assert.Empty(host.Dispatcher.ConfiguredChannels);
    }

    [Fact]
    public void AStoredPayloadThatIsNotJsonIsRefusedRatherThanSentMangled() =>
        Assert.ThrowsAny<JsonException>(() => WebhookNotificationChannel.Serialize(
            new StaffNotification("x", StaffNotificationKind.HandoffRequested, Received, "s", "not json")));
}
