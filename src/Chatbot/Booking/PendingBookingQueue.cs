using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Chatbot.Notifications;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Booking;

/// <summary>A booking request that could not be stored yet, with its staff notification.</summary>
/// <param name="Request">The request, exactly as it would have been stored.</param>
/// <param name="Notification">Its staff notification (stored with it, atomically, once the store is back).</param>
/// <param name="QueuedAt">When the first attempt failed.</param>
public sealed record PendingBooking(BookingRequest Request, StaffNotification Notification, DateTimeOffset QueuedAt);

/// <summary>
/// Booking requests kept in memory while the booking store is unavailable; the <see cref="PendingBookingRetryService"/>
/// saves them, oldest first, as soon as the store works again. A singleton.
/// </summary>
/// <remarks>
/// The booking dialog calls <see cref="Enqueue"/> when <see cref="IBookingStore.AddAsync"/> throws, and tells the
/// patient to call the clinic. The queue lives in process memory only: requests still queued when the process ends
/// are logged (by reference) as lost, see <see cref="PendingBookingRetryService"/>.
/// </remarks>
public sealed class PendingBookingQueue(TimeProvider timeProvider)
{
    private readonly ConcurrentQueue<PendingBooking> _queue = new();
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>How many requests are waiting to be saved (for readiness reporting).</summary>
    public int Count => _queue.Count;

    /// <summary>Keeps a request that could not be stored, and wakes the retry service.</summary>
    public void Enqueue(BookingRequest request, StaffNotification notification)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notification);
        _queue.Enqueue(new PendingBooking(request, notification, timeProvider.GetUtcNow()));
        Signal();
    }

    /// <summary>The references of the waiting requests, oldest first (no personal data).</summary>
    public IReadOnlyList<string> References() => [.. _queue.Select(p => p.Request.Reference)];

    /// <summary>The oldest waiting request, left in the queue.</summary>
    internal bool TryPeek([MaybeNullWhen(false)] out PendingBooking pending) => _queue.TryPeek(out pending);

    /// <summary>Removes the oldest waiting request once it is saved. Only the retry service (one consumer) calls this.</summary>
    internal bool TryRemoveHead() => _queue.TryDequeue(out _);

    /// <summary>Completes when <see cref="Enqueue"/> is called (or at once if it was called since the last wait).</summary>
    internal Task WaitForEnqueueAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);

    private void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the waiter will see every queued item.
        }
    }
}
