using System.ComponentModel.DataAnnotations;

namespace Chatbot.Patients.Booking;

/// <summary>How the bot takes booking requests.</summary>
public sealed class BookingOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Booking";

    /// <summary><c>Dialog</c>: the bot collects the request. <c>Link</c>: a button to the clinic's online scheduler.</summary>
    /// <value>The default is <see cref="BookingMode.Dialog"/>.</value>
    public BookingMode Mode { get; set; } = BookingMode.Dialog;

    /// <summary>The clinic's online scheduler (link mode). Never gets personal data appended.</summary>
    public Uri? LinkUrl { get; set; }

    /// <summary>Prefix of booking reference numbers.</summary>
    /// <value>The default is <c>PSI</c>.</value>
    [Required]
    [RegularExpression("^[A-Z]{2,5}$")]
    public string ReferencePrefix { get; set; } = "PSI";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == BookingMode.Link && (LinkUrl is null || !LinkUrl.IsAbsoluteUri || LinkUrl.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Link mode needs Chatbot:Booking:LinkUrl, an absolute https URL of the clinic's online scheduler.", [nameof(LinkUrl)]);
        }

        if (LinkUrl is { Query.Length: > 1 })
        {
            yield return new ValidationResult("Chatbot:Booking:LinkUrl must not carry a query string: no patient data may travel in a URL.", [nameof(LinkUrl)]);
        }
    }
}

/// <summary>Booking modes.</summary>
public enum BookingMode
{
    /// <summary>The bot collects the request and staff call back.</summary>
    Dialog,

    /// <summary>A button to the clinic's online scheduler.</summary>
    Link,
}
