using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Notifications;

/// <summary>
/// Delivers staff notifications as a signed JSON <c>POST</c> to <see cref="NotificationOptions.WebhookUrl"/>
/// (see <c>deploy/README-notifications.md</c> for the receiver's side).
/// </summary>
/// <remarks>
/// Body: <c>{"id","kind","createdAt","subject","payload"}</c>, where <c>payload</c> is the notification's details as a
/// JSON object. Headers: <c>X-Clinic-Delivery</c> (the id, stable across retries), <c>X-Clinic-Event</c> (the kind),
/// <c>X-Clinic-Timestamp</c> (unix seconds) and <c>X-Clinic-Signature</c> (<see cref="WebhookSignature"/>). Any status
/// other than 2xx throws, so the item is retried.
/// </remarks>
public sealed class WebhookNotificationChannel(HttpClient httpClient, IOptions<NotificationOptions> options, TimeProvider timeProvider)
    : INotificationChannel
{
    /// <summary>The name of the typed HttpClient (and its resilience pipeline).</summary>
    public const string HttpClientName = "Chatbot.Notifications.Webhook";

    /// <summary>Header with the notification id; receivers use it to ignore duplicates.</summary>
    public const string DeliveryHeader = "X-Clinic-Delivery";

    /// <summary>Header with the notification kind, e.g. <c>BookingRequested</c>.</summary>
    public const string EventHeader = "X-Clinic-Event";

    /// <summary>Header with the send time in unix seconds; part of the signed message.</summary>
    public const string TimestampHeader = "X-Clinic-Timestamp";

    /// <summary>Header with <c>sha256=&lt;hex HMAC&gt;</c>.</summary>
    public const string SignatureHeader = "X-Clinic-Signature";

    /// <inheritdoc />
    public string Name => "webhook";

    /// <inheritdoc />
    public bool IsConfigured => options.Value.WebhookUri is not null && !string.IsNullOrEmpty(options.Value.WebhookSecret);

    /// <inheritdoc />
    public async Task DeliverAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var settings = options.Value;
        if (settings.WebhookUri is not { } uri || string.IsNullOrEmpty(settings.WebhookSecret))
        {
            throw new InvalidOperationException("The webhook channel is not configured.");
        }

        var body = Serialize(notification);
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, notification.Id);
        request.Headers.Add(EventHeader, notification.Kind.ToString());
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, WebhookSignature.Compute(settings.WebhookSecret, timestamp, body));

        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The response body is not read: a receiver might echo what it was sent.
            throw new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"The webhook answered {(int)response.StatusCode} ({response.StatusCode})."),
                inner: null,
                response.StatusCode);
        }
    }

    /// <summary>The request body: UTF-8 JSON, with the stored payload embedded as a JSON value.</summary>
    /// <exception cref="JsonException">The stored payload is not valid JSON.</exception>
    internal static byte[] Serialize(StaffNotification notification)
    {
        using var payload = JsonDocument.Parse(notification.PayloadJson);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", notification.Id);
            writer.WriteString("kind", notification.Kind.ToString());
            writer.WriteString("createdAt", notification.CreatedAt.ToUniversalTime());
            writer.WriteString("subject", notification.Subject);
            writer.WritePropertyName("payload");
            payload.RootElement.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
