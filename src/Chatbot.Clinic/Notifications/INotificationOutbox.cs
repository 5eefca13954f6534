namespace Chatbot.Clinic.Notifications;

/// <summary>A queued notification and its delivery attempts.</summary>
/// <param name="Notification">The notification.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="NextAttemptAt">When it is due.</param>
/// <param name="LastError">Why the last attempt failed, if it did.</param>
public sealed record OutboxItem(StaffNotification Notification, int Attempts, DateTimeOffset NextAttemptAt, string? LastError);

/// <summary>
/// Staff notifications waiting to be delivered. Items stay until delivered: a failed delivery is rescheduled,
/// never dropped. Several bot instances may share one outbox: each takes items with <see cref="ClaimDueAsync"/>, so
/// an item is delivered by one of them, not once per instance.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Queues a notification, due at once.</summary>
    Task EnqueueAsync(StaffNotification notification, CancellationToken cancellationToken);

    /// <summary>Undelivered items due at <paramref name="now"/> and not claimed by anyone at that time, earliest attempt first.</summary>
    Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> items that are due at <paramref name="now"/> (as <see cref="DueAsync"/>),
    /// earliest attempt first: until <paramref name="now"/> + <paramref name="lease"/> they are neither due nor claimable
    /// for anyone else, so two claimers (instances) never get the same item. <see cref="MarkDeliveredAsync"/> or
    /// <see cref="MarkFailedAsync"/> ends the claim; a claimer that dies leaves the item to be claimed again when the
    /// lease ends (delivery is at least once: receivers drop duplicates by <see cref="StaffNotification.Id"/>).
    /// </summary>
    /// <returns>The claimed items, earliest attempt first.</returns>
    Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Undelivered items (for staff tools), oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> PendingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Marks an item delivered (and ends its claim).</summary>
    Task MarkDeliveredAsync(string id, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and when to try again (and ends its claim).</summary>
    Task MarkFailedAsync(string id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Deletes notifications created before <paramref name="createdBefore"/>, delivered or not (retention).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
