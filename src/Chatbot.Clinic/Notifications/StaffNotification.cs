namespace Chatbot.Clinic.Notifications;

/// <summary>What happened, for staff.</summary>
public enum StaffNotificationKind
{
    /// <summary>A new booking request.</summary>
    BookingRequested,

    /// <summary>A conversation was handed to a person.</summary>
    HandoffRequested,
}

/// <summary>
/// A message to staff, queued in the outbox and delivered (webhook, Teams channel) with retries until it arrives.
/// </summary>
/// <param name="Id">Unique id (also the delivery id receivers use to ignore duplicates).</param>
/// <param name="Kind">What happened.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="Subject">One line for staff, e.g. "New booking request PSI-7KQ3XM".</param>
/// <param name="PayloadJson">The details as JSON (booking fields, or the hand-off's redacted summary).</param>
public sealed record StaffNotification(string Id, StaffNotificationKind Kind, DateTimeOffset CreatedAt, string Subject, string PayloadJson);
