namespace Chatbot.Patients;

/// <summary>What the bot remembers about one conversation between turns (stored as JSON, ETag-guarded).</summary>
public sealed class ConversationState
{
    /// <summary>True once the welcome was sent.</summary>
    public bool Welcomed { get; set; }

    /// <summary>Fallbacks in a row; reset by any answered question.</summary>
    public int ConsecutiveFallbacks { get; set; }

    /// <summary>The multi-turn dialog in progress, if any.</summary>
    public string? ActiveDialog { get; set; }

    /// <summary>The last intent the bot answered.</summary>
    public string? LastIntent { get; set; }

    /// <summary>When the safety gate last fired in this conversation.</summary>
    public DateTimeOffset? LastSafetyAlert { get; set; }

    /// <summary>The booking request being collected, while <see cref="ActiveDialog"/> is the booking dialog.</summary>
    public Booking.BookingDraft? Booking { get; set; }

    /// <summary>The hand-off to a person, while one is open.</summary>
    public Handoff.HandoffState? Handoff { get; set; }

    /// <summary>The patient's last few messages, redacted, for the hand-off summary staff receive.</summary>
    public List<string> RecentMessages { get; set; } = [];

    /// <summary>
    /// The name and contact details this patient gave in this conversation, encrypted with ASP.NET Core Data Protection
    /// (never stored readable outside the booking record): everything kept from the conversation is redacted with them.
    /// </summary>
    public List<string> ProtectedPersonalData { get; set; } = [];

    /// <summary>The latest approved answers the patient may still rate with 👍/👎 (at most <see cref="Feedback.AnswerFeedbackService.OffersKept"/>).</summary>
    public List<Feedback.FeedbackOffer> FeedbackOffers { get; set; } = [];

    /// <summary>When the conversation last had a turn.</summary>
    public DateTimeOffset? LastTurnAt { get; set; }
}
