namespace Chatbot.Staff.Publishing;

/// <summary>
/// What the staff page needs from publishing: publish now, roll back, and the recent results. A port of our own, so
/// the page does not depend on how publishing is done (<see cref="FaqPublishingStaffPublisher"/> adapts the bot's
/// publishing service).
/// </summary>
public interface IStaffPublisher
{
    /// <summary>Validates, trains, checks and (if it is not worse) publishes the data folder as it is now.</summary>
    Task<StaffPublishResult> PublishAsync(string user, CancellationToken cancellationToken);

    /// <summary>Makes the previously published version current again.</summary>
    Task<StaffPublishResult> RollbackAsync(string user, CancellationToken cancellationToken);

    /// <summary>The most recent results, newest first.</summary>
    IReadOnlyList<StaffPublishResult> History(int count);
}
