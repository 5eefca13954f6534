using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>Booking requests in process memory (tests, demos); notifications go to the given in-memory outbox.</summary>
public sealed class InMemoryBookingStore(INotificationOutbox outbox) : IBookingStore
{
    private readonly Dictionary<string, BookingRequest> _requests = new(StringComparer.Ordinal);
    private readonly List<BookingStatusChange> _history = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public async Task AddAsync(BookingRequest request, StaffNotification notification, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_requests.TryAdd(request.Reference, request))
            {
                throw new InvalidOperationException($"Booking reference {request.Reference} already exists.");
            }

            _history.Add(new BookingStatusChange(request.Reference, request.Status, request.StatusChangedAt, request.StatusChangedBy));
        }

        await outbox.EnqueueAsync(notification, cancellationToken);
    }

    /// <inheritdoc />
    public Task<BookingRequest?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_requests.GetValueOrDefault(reference));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BookingRequest>> ListAsync(BookingStatus? status, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<BookingRequest> list = [.. _requests.Values.Where(r => status is null || r.Status == status).OrderByDescending(r => r.CreatedAt).Take(limit)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BookingStatusChange>> HistoryAsync(string reference, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<BookingStatusChange> list = [.. _history.Where(h => h.Reference == reference)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<BookingRequest?> SetStatusAsync(string reference, BookingStatus status, string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_requests.TryGetValue(reference, out var current))
            {
                return Task.FromResult<BookingRequest?>(null);
            }

            if (!InvalidBookingStatusChangeException.IsAllowed(current.Status, status))
            {
                throw new InvalidBookingStatusChangeException(current.Status, status);
            }

            var updated = current with { Status = status, StatusChangedAt = changedAt, StatusChangedBy = changedBy };
            _requests[reference] = updated;
            _history.Add(new BookingStatusChange(reference, status, changedAt, changedBy));
            return Task.FromResult<BookingRequest?>(updated);
        }
    }
}
