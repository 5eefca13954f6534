using System.Globalization;
using Chatbot.Clinic.Bookings;

namespace Chatbot.Cli;

/// <summary>How the <c>bookings</c> commands show requests: clinic-local times, status names, and redaction for screen sharing.</summary>
internal static class BookingFormat
{
    /// <summary>The clinic's time zone (the bot's <c>Chatbot:Clinic:TimeZone</c> default).</summary>
    public const string ClinicTimeZoneId = "America/Chicago";

    private const string Missing = "-";

    public static TimeZoneInfo ClinicTimeZone { get; } = FindClinicTimeZone();

    /// <summary>The status names staff type: <c>new</c>, <c>contacted</c>, <c>booked</c>, <c>cancelled</c>.</summary>
    public static IReadOnlyList<string> StatusNames { get; } = [.. Enum.GetValues<BookingStatus>().Select(Name)];

    public static string StatusHelp { get; } = string.Join("|", StatusNames);

    public static string Name(BookingStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Parses a status by name only (not by number), ignoring case.</summary>
    public static bool TryParseStatus(string? text, out BookingStatus status)
    {
        status = default;
        var match = Enum.GetValues<BookingStatus>().Where(s => string.Equals(Name(s), text?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count != 1)
        {
            return false;
        }

        status = match[0];
        return true;
    }

    public static string LocalTime(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, ClinicTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Reason(BookingReason reason) => reason switch
    {
        BookingReason.NewPatientConsultation => "New patient consultation",
        BookingReason.Infusion => "Infusion",
        BookingReason.Reschedule => "Reschedule",
        BookingReason.Cancel => "Cancel",
        _ => reason.ToString(),
    };

    public static string OrMissing(string? value) => string.IsNullOrWhiteSpace(value) ? Missing : value;

    /// <summary>The initials only: <c>Jordan Lee</c> → <c>J. L.</c></summary>
    public static string RedactName(string? name)
    {
        var parts = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 0 ? string.Empty : string.Join(" ", parts.Select(p => char.ToUpperInvariant(p[0]) + "."));
    }

    /// <summary>The last two digits only: <c>+13125550123</c> → <c>********23</c> (the length is not revealed).</summary>
    public static string? RedactPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return phone;
        }

        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return "********" + (digits.Length >= 2 ? digits[^2..] : string.Empty);
    }

    /// <summary>The first letter and the domain: <c>jordan.lee@example.com</c> → <c>j***@example.com</c>.</summary>
    public static string? RedactEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return email;
        }

        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }

    public static BookingRequest Redact(BookingRequest request) => request with
    {
        Name = RedactName(request.Name),
        Phone = RedactPhone(request.Phone),
        Email = RedactEmail(request.Email),
    };

    private static TimeZoneInfo FindClinicTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ClinicTimeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
