namespace Chatbot.Clinic.Bookings;

/// <summary>Why the patient wants an appointment.</summary>
public enum BookingReason
{
    /// <summary>A first consultation as a new patient.</summary>
    NewPatientConsultation,

    /// <summary>An infusion appointment (existing patient).</summary>
    Infusion,

    /// <summary>Move an existing appointment.</summary>
    Reschedule,

    /// <summary>Cancel an existing appointment.</summary>
    Cancel,
}

/// <summary>Where a booking request is in the staff's workflow.</summary>
public enum BookingStatus
{
    /// <summary>Received, nobody has acted yet.</summary>
    New,

    /// <summary>Staff contacted the patient.</summary>
    Contacted,

    /// <summary>An appointment was booked.</summary>
    Booked,

    /// <summary>Closed without an appointment.</summary>
    Cancelled,
}

/// <summary>A booking request as staff see it: persisted before the patient is told it was received.</summary>
/// <param name="Reference">The reference the patient was given, e.g. <c>PSI-7KQ3XM</c>.</param>
/// <param name="CreatedAt">When it was received (UTC).</param>
/// <param name="Reason">Why the patient wants an appointment.</param>
/// <param name="Name">The patient's name (empty in link mode).</param>
/// <param name="Phone">Phone number, normalized to digits with an optional leading +, or null.</param>
/// <param name="Email">E-mail address, or null.</param>
/// <param name="PreferredTimes">What the patient asked for, as resolved for staff ("Tuesday, December 1 (afternoon)").</param>
/// <param name="Channel">The channel it came from.</param>
/// <param name="ConversationId">The conversation it came from.</param>
/// <param name="Status">Workflow status.</param>
/// <param name="StatusChangedAt">When the status last changed.</param>
/// <param name="StatusChangedBy">Who changed it last (<c>bot</c> on creation).</param>
/// <param name="ViaLink">True when the patient was sent to the clinic's online scheduler (link mode).</param>
public sealed record BookingRequest(
    string Reference,
    DateTimeOffset CreatedAt,
    BookingReason Reason,
    string Name,
    string? Phone,
    string? Email,
    string PreferredTimes,
    string Channel,
    string ConversationId,
    BookingStatus Status,
    DateTimeOffset StatusChangedAt,
    string StatusChangedBy,
    bool ViaLink = false);

/// <summary>One status change, for the audit trail.</summary>
/// <param name="Reference">The request.</param>
/// <param name="Status">The new status.</param>
/// <param name="ChangedAt">When.</param>
/// <param name="ChangedBy">Who.</param>
public sealed record BookingStatusChange(string Reference, BookingStatus Status, DateTimeOffset ChangedAt, string ChangedBy);
