namespace Chatbot.Clinic.Handoffs;

/// <summary>Where a live hand-off is: waiting for a staff member, with one, or over.</summary>
public enum LiveHandoffStatus
{
    /// <summary>Staff were told; nobody has taken it yet.</summary>
    Waiting,

    /// <summary>A staff member took it: messages are relayed both ways.</summary>
    Taken,

    /// <summary>The patient or a staff member ended it; the bot answers again.</summary>
    Ended,

    /// <summary>Nobody took it in time; the patient was told and the bot answers again.</summary>
    TimedOut,
}

/// <summary>Who wrote a message of a live hand-off.</summary>
public enum LiveHandoffSender
{
    /// <summary>The patient.</summary>
    Patient,

    /// <summary>A staff member.</summary>
    Staff,

    /// <summary>The bot, about the hand-off (taken, ended, a safety alert).</summary>
    System,
}

/// <summary>
/// Where the staff member who took a hand-off talks: a Teams conversation (a channel thread or a chat with the bot),
/// or the staff page (<see cref="StaffPageChannel"/>, no conversation).
/// </summary>
/// <param name="Channel"><c>msteams</c>, or <see cref="StaffPageChannel"/>.</param>
/// <param name="ConversationId">The Teams conversation id (a thread's includes <c>;messageid=</c>); empty for the staff page.</param>
/// <param name="ServiceUrl">The Bot Connector of that conversation, from an authenticated activity; empty for the staff page.</param>
/// <param name="TenantId">The Teams tenant.</param>
/// <param name="BotId">The bot's Teams id (<c>28:…</c>).</param>
public sealed record LiveHandoffSeat(string Channel, string ConversationId, string ServiceUrl, string? TenantId, string? BotId)
{
    /// <summary>The <see cref="Channel"/> of a staff member who took the hand-off on the staff page.</summary>
    public const string StaffPageChannel = "staffpage";

    /// <summary>A seat on the staff page.</summary>
    public static LiveHandoffSeat StaffPage { get; } = new(StaffPageChannel, string.Empty, string.Empty, null, null);
}

/// <summary>
/// A hand-off to a person during opening hours, as the live chat sees it: who asked, whether and by whom it was taken,
/// and where each side can be reached. The store is the truth for every instance of the bot.
/// </summary>
/// <param name="Reference">The short reference staff see (<c>H-7KQ3XM</c>), shared with <see cref="OpenHandoff"/>.</param>
/// <param name="StateKey">The patient's conversation-state key.</param>
/// <param name="PatientChannel">The patient's channel id, e.g. <c>webchat</c>.</param>
/// <param name="PatientConversationId">The patient's conversation id.</param>
/// <param name="PatientServiceUrl">Where to send to the patient when the channel is not our own Direct Line server (else empty).</param>
/// <param name="PatientUserId">The patient's user id in that channel.</param>
/// <param name="Reason">Why it was handed off.</param>
/// <param name="RequestedAt">When the patient was handed off.</param>
/// <param name="TakeBy">When it times out unless taken.</param>
/// <param name="Status">Where it is.</param>
/// <param name="TakenBy">Who took it (display name and id, for audit), or null.</param>
/// <param name="TakenAt">When, or null.</param>
/// <param name="Seat">Where the staff member talks, once taken.</param>
/// <param name="EndedAt">When it ended or timed out, or null.</param>
/// <param name="EndedBy">Who ended it (<c>patient</c>, a staff name, <c>timeout</c>), or null.</param>
public sealed record LiveHandoff(
    string Reference,
    string StateKey,
    string PatientChannel,
    string PatientConversationId,
    string PatientServiceUrl,
    string PatientUserId,
    HandoffReason Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset TakeBy,
    LiveHandoffStatus Status = LiveHandoffStatus.Waiting,
    string? TakenBy = null,
    DateTimeOffset? TakenAt = null,
    LiveHandoffSeat? Seat = null,
    DateTimeOffset? EndedAt = null,
    string? EndedBy = null)
{
    /// <summary>True while waiting or taken.</summary>
    public bool IsOpen => Status is LiveHandoffStatus.Waiting or LiveHandoffStatus.Taken;
}

/// <summary>One message of a live hand-off, kept only while it is open (the staff page reads them).</summary>
/// <param name="Sequence">Rising number within the hand-off (1, 2, 3…).</param>
/// <param name="Reference">The hand-off.</param>
/// <param name="At">When.</param>
/// <param name="Sender">Who wrote it.</param>
/// <param name="SenderName">The staff member's display name; empty for the patient and the bot.</param>
/// <param name="Text">What was written, as written.</param>
public sealed record LiveHandoffMessage(long Sequence, string Reference, DateTimeOffset At, LiveHandoffSender Sender, string SenderName, string Text);
