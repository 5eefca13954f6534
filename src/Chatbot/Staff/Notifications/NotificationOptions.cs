using System.ComponentModel.DataAnnotations;

namespace Chatbot.Staff.Notifications;

/// <summary>How staff notifications leave the outbox: the webhook, and the polling and retry schedule.</summary>
/// <remarks>
/// Without <see cref="WebhookUrl"/> (and no other channel configured) notifications are only stored in the outbox:
/// nothing is lost, and staff still see every booking request with <c>chatbot bookings list</c>.
/// </remarks>
public sealed class NotificationOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Notifications";

    /// <summary>The shortest accepted <see cref="WebhookSecret"/>.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>
    /// Absolute <c>http</c> or <c>https</c> URL that receives every notification as a signed JSON <c>POST</c>.
    /// Treat it as a secret (many receivers embed a token in the path); it is never logged.
    /// </summary>
    /// <value>The default is none: the webhook channel is off.</value>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Key for the <c>X-Clinic-Signature</c> HMAC-SHA256 header; required (at least
    /// <see cref="MinimumSecretLength"/> characters) when <see cref="WebhookUrl"/> is set.
    /// </summary>
    /// <value>The default is none.</value>
    public string? WebhookSecret { get; set; }

    /// <summary>How often the outbox is checked for due notifications.</summary>
    /// <value>The default is 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait after the first failed delivery; it doubles with each further failure.</summary>
    /// <value>The default is 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two delivery attempts of one notification.</summary>
    /// <value>The default is 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long an instance holds a notification it took from the outbox: others leave it alone for that long, so
    /// several instances deliver each notification once. Keep it longer than one delivery to every channel takes
    /// (their HTTP timeouts); if the instance dies, the notification is delivered by another once this has passed.
    /// </summary>
    /// <value>The default is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The parsed <see cref="WebhookUrl"/>, or null when it is not set (or not valid).</summary>
    public Uri? WebhookUri =>
        !string.IsNullOrWhiteSpace(WebhookUrl)
        && Uri.TryCreate(WebhookUrl.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InitialBackoff > MaxBackoff)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(InitialBackoff)} must not exceed {nameof(MaxBackoff)}.", [nameof(InitialBackoff), nameof(MaxBackoff)]);
        }

        if (string.IsNullOrWhiteSpace(WebhookUrl))
        {
            yield break;
        }

        if (WebhookUri is null)
        {
            // The value itself is not echoed: it may carry a token.
            yield return new ValidationResult(
                $"{SectionName}:{nameof(WebhookUrl)} must be an absolute http or https URL.", [nameof(WebhookUrl)]);
        }

        if (string.IsNullOrEmpty(WebhookSecret) || WebhookSecret.Length < MinimumSecretLength)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(WebhookSecret)} is required when {nameof(WebhookUrl)} is set and must be at least {MinimumSecretLength} characters.",
                [nameof(WebhookSecret)]);
        }
    }
}
