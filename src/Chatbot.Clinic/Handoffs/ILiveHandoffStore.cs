namespace Chatbot.Clinic.Handoffs;

/// <summary>
/// Live hand-offs and their messages, shared by every instance of the bot. Every change of status is a
/// compare-and-set on the row (<c>UPDATE … WHERE status = …</c>), so two instances or two staff members never both
/// take, end or time out the same hand-off: exactly one caller gets the changed row back, the others get null.
/// </summary>
/// <remarks>
/// Messages are the live chat's text as written (staff must read what the patient writes). They exist only while the
/// hand-off is open: ending or timing out deletes them in the same transaction. The ended row keeps no text.
/// </remarks>
public interface ILiveHandoffStore
{
    /// <summary>
    /// Records a new waiting hand-off. An open one of the same <see cref="LiveHandoff.StateKey"/> is ended first
    /// (<c>EndedBy</c> <c>replaced</c>, its messages deleted).
    /// </summary>
    Task CreateAsync(LiveHandoff handoff, CancellationToken cancellationToken);

    /// <summary>The hand-off with this reference (any status, case-insensitive), or null.</summary>
    Task<LiveHandoff?> GetAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The open (waiting or taken) hand-off of a patient conversation, or null.</summary>
    Task<LiveHandoff?> FindOpenAsync(string stateKey, CancellationToken cancellationToken);

    /// <summary>The taken hand-off whose staff member talks in <paramref name="staffConversationId"/>, or null.</summary>
    Task<LiveHandoff?> FindTakenInAsync(string staffConversationId, CancellationToken cancellationToken);

    /// <summary>Open hand-offs, oldest request first (the one waiting longest on top).</summary>
    Task<IReadOnlyList<LiveHandoff>> ListOpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Takes a waiting hand-off whose <see cref="LiveHandoff.TakeBy"/> is after <paramref name="at"/>.</summary>
    /// <returns>The taken hand-off, or null when it is not waiting any more (taken by someone else, ended, timed out) or unknown.</returns>
    Task<LiveHandoff?> TryTakeAsync(string reference, string takenBy, LiveHandoffSeat seat, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Ends an open hand-off and deletes its messages.</summary>
    /// <returns>The ended hand-off, or null when it was not open (already ended or timed out) or unknown.</returns>
    Task<LiveHandoff?> TryEndAsync(string reference, string endedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Times out every waiting hand-off whose <see cref="LiveHandoff.TakeBy"/> is at or before <paramref name="now"/>
    /// (status <see cref="LiveHandoffStatus.TimedOut"/>, messages deleted).
    /// </summary>
    /// <returns>The hand-offs this call timed out: each is returned to exactly one caller across instances.</returns>
    Task<IReadOnlyList<LiveHandoff>> ClaimTimedOutAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Adds a message to an open hand-off.</summary>
    /// <returns>Its sequence number, or null when the hand-off is not open.</returns>
    Task<long?> AddMessageAsync(string reference, LiveHandoffSender sender, string senderName, string text, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The messages after <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<LiveHandoffMessage>> ReadMessagesAsync(string reference, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes ended and timed-out hand-offs that ended before <paramref name="cutoff"/>.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
