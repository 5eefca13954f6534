namespace Chatbot.Clinic.Notifications;

/// <summary>A queued notification and its delivery attempts.</summary>
/// <param name="Notification">The notification.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="NextAttemptAt">When it is due.</param>
/// <param name="LastError">Why the last attempt failed, if it did.</param>
public sealed record OutboxItem(StaffNotification Notification, int Attempts, DateTimeOffset NextAttemptAt, string? LastError);

/// <summary>
/// Staff notifications waiting to be delivered. Items stay until delivered: a failed delivery is rescheduled,
/// never dropped.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Queues a notification, due at once.</summary>
    Task EnqueueAsync(StaffNotification notification, CancellationToken cancellationToken);

    /// <summary>Undelivered items due at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Undelivered items (for staff tools), oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> PendingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Marks an item delivered.</summary>
    Task MarkDeliveredAsync(string id, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and when to try again.</summary>
    Task MarkFailedAsync(string id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>Deletes notifications created before <paramref name="createdBefore"/>, delivered or not (retention).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
