using Chatbot.Clinic.Notifications;
namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>The notification outbox in process memory: for tests and throwaway demos.</summary>
public sealed class InMemoryNotificationOutbox : INotificationOutbox
{
    private readonly Dictionary<string, (OutboxItem Item, DateTimeOffset? DeliveredAt)> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task EnqueueAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _items[notification.Id] = (new OutboxItem(notification, 0, notification.CreatedAt, null), null);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxItem> due = [.. _items.Values.Where(x => x.DeliveredAt is null && x.Item.NextAttemptAt <= now).Select(x => x.Item).OrderBy(i => i.NextAttemptAt).Take(limit)];
            return Task.FromResult(due);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxItem>> PendingAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxItem> pending = [.. _items.Values.Where(x => x.DeliveredAt is null).Select(x => x.Item).OrderBy(i => i.Notification.CreatedAt).Take(limit)];
            return Task.FromResult(pending);
        }
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(string id, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(id, out var entry))
            {
                _items[id] = (entry.Item, deliveredAt);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkFailedAsync(string id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(id, out var entry))
            {
                _items[id] = (entry.Item with { Attempts = entry.Item.Attempts + 1, LastError = error, NextAttemptAt = nextAttemptAt }, null);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _items.Where(x => x.Value.Item.Notification.CreatedAt < createdBefore).Select(x => x.Key).ToList();
            old.ForEach(id => _items.Remove(id));
            return Task.FromResult(old.Count);
        }
    }
}
