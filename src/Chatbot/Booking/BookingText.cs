using Chatbot.Clinic.Bookings;
namespace Chatbot.Booking;

/// <summary>Words for booking reasons, and reading them back from what patients type.</summary>
public static class BookingText
{
    /// <summary>The button title of a reason.</summary>
    public static string ReasonTitle(BookingReason reason) => reason switch
    {
        BookingReason.NewPatientConsultation => "New-patient consultation",
        BookingReason.Infusion => "Infusion appointment",
        BookingReason.Reschedule => "Reschedule an appointment",
        BookingReason.Cancel => "Cancel an appointment",
        _ => reason.ToString(),
    };

    /// <summary>A reason recognised in free text, or null.</summary>
    public static BookingReason? ParseReason(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Enum.TryParse<BookingReason>(text.Trim(), ignoreCase: true, out var exact) && Enum.IsDefined(exact))
        {
            return exact;
        }

        var t = text.ToLowerInvariant();
        if (t.Contains("reschedul", StringComparison.Ordinal) || t.Contains("move my", StringComparison.Ordinal) || t.Contains("change my appointment", StringComparison.Ordinal)
            || t.Contains("different time", StringComparison.Ordinal) || t.Contains("different day", StringComparison.Ordinal))
        {
            return BookingReason.Reschedule;
        }

        if (t.Contains("cancel", StringComparison.Ordinal) && (t.Contains("appointment", StringComparison.Ordinal) || t.Contains("infusion", StringComparison.Ordinal)
            || t.Contains("consult", StringComparison.Ordinal) || t.Contains("my ", StringComparison.Ordinal)))
        {
            return BookingReason.Cancel;
        }

        if (t.Contains("consult", StringComparison.Ordinal) || t.Contains("new patient", StringComparison.Ordinal) || t.Contains("first", StringComparison.Ordinal)
            || t.Contains("evaluat", StringComparison.Ordinal) || t.Contains("get started", StringComparison.Ordinal) || t.Contains("start treatment", StringComparison.Ordinal)
            || t.Contains("new-patient", StringComparison.Ordinal))
        {
            return BookingReason.NewPatientConsultation;
        }

        return t.Contains("infusion", StringComparison.Ordinal) || t.Contains("infusoin", StringComparison.Ordinal) || t.Contains("session", StringComparison.Ordinal)
            || t.Contains("treatment", StringComparison.Ordinal) || t.Contains("booster", StringComparison.Ordinal)
            ? BookingReason.Infusion
            : null;
    }
}
