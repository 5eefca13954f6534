using System.Text.RegularExpressions;

namespace Chatbot.Patients.Booking;

/// <summary>Finds a phone number and an e-mail address in what a patient typed.</summary>
public static partial class ContactDetails
{
    /// <summary>
    /// Extracts a phone number (US 10 digits, optionally with +1; or + and 8–15 digits international) and an e-mail
    /// address. Returns false when neither is valid.
    /// </summary>
    public static bool TryParse(string? text, out string? phone, out string? email)
    {
        phone = null;
        email = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return false;
        }

        var emailMatch = Email().Match(text);
        if (emailMatch.Success)
        {
            email = emailMatch.Value.ToLowerInvariant();
            text = text.Remove(emailMatch.Index, emailMatch.Length);
        }

        phone = NormalizePhone(text);
        return phone is not null || email is not null;
    }

    /// <summary>A phone number as digits (with + for international), or null when <paramref name="text"/> has none.</summary>
    public static string? NormalizePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var candidate = PhoneLike().Match(text);
        if (!candidate.Success)
        {
            return null;
        }

        var raw = candidate.Value;
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (raw.TrimStart().StartsWith('+'))
        {
            return digits.StartsWith('1') && digits.Length == 11 ? "+" + digits
                : digits.Length is >= 8 and <= 15 ? "+" + digits : null;
        }

        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        // North American numbers: area code and exchange never start with 0 or 1.
        return digits.Length == 10 && digits[0] >= '2' && digits[3] >= '2' ? digits : null;
    }

    /// <summary>A phone number formatted for people: (312) 555-0123 or +44…</summary>
    public static string FormatPhone(string phone) =>
        phone.Length == 10 && !phone.StartsWith('+') ? $"({phone[..3]}) {phone[3..6]}-{phone[6..]}" : phone;

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\+?[\d\s().\-]{7,24}\d")]
    private static partial Regex PhoneLike();
}
