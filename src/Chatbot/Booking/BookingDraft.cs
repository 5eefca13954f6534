using Chatbot.Clinic.Bookings;
namespace Chatbot.Booking;

/// <summary>The steps of the booking dialog, in order.</summary>
public enum BookingStep
{
    /// <summary>Why: consultation, infusion, reschedule, cancel.</summary>
    Reason,

    /// <summary>The patient's name.</summary>
    Name,

    /// <summary>A phone number or e-mail address (at least one).</summary>
    Contact,

    /// <summary>Preferred days and times.</summary>
    PreferredTime,

    /// <summary>The summary, waiting for an explicit yes.</summary>
    Confirm,

    /// <summary>"Change something": which part.</summary>
    ChooseChange,
}

/// <summary>A booking request being collected (kept in conversation state, so it survives a restart).</summary>
public sealed class BookingDraft
{
    /// <summary>The step the dialog is waiting on.</summary>
    public BookingStep Step { get; set; } = BookingStep.Reason;

    /// <summary>Why the patient wants an appointment.</summary>
    public BookingReason? Reason { get; set; }

    /// <summary>The patient's name.</summary>
    public string? Name { get; set; }

    /// <summary>Phone number (digits, optional leading +).</summary>
    public string? Phone { get; set; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>The preferred times as the patient will see them in the summary.</summary>
    public string? PreferredTimes { get; set; }

    /// <summary>Whether the patient is using the card form (re-asks then come as cards).</summary>
    public bool UsesCard { get; set; }

    /// <summary>Failed answers in a row at the current step.</summary>
    public int Retries { get; set; }

    /// <summary>The first step that still needs an answer, or <see cref="BookingStep.Confirm"/>.</summary>
    public BookingStep NextMissingStep() =>
        Reason is null ? BookingStep.Reason
        : string.IsNullOrEmpty(Name) ? BookingStep.Name
        : Phone is null && Email is null ? BookingStep.Contact
        : string.IsNullOrEmpty(PreferredTimes) ? BookingStep.PreferredTime
        : BookingStep.Confirm;
}
