using Chatbot.Clinic.Notifications;

namespace Chatbot.Clinic.Bookings;

/// <summary>Booking requests and their status history.</summary>
public interface IBookingStore
{
    /// <summary>
    /// Stores a new request together with a staff notification for it, atomically (so a stored request always has a
    /// notification on its way, and a notification never announces a request that was not stored).
    /// </summary>
    Task AddAsync(BookingRequest request, StaffNotification notification, CancellationToken cancellationToken);

    /// <summary>The request with this reference, or null.</summary>
    Task<BookingRequest?> GetAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The newest requests first, optionally only those with <paramref name="status"/>.</summary>
    Task<IReadOnlyList<BookingRequest>> ListAsync(BookingStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>Every status change of a request, oldest first.</summary>
    Task<IReadOnlyList<BookingStatusChange>> HistoryAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Changes the status; returns the updated request, or null when there is no such request.</summary>
    /// <exception cref="InvalidBookingStatusChangeException">The workflow does not allow that change.</exception>
    Task<BookingRequest?> SetStatusAsync(string reference, BookingStatus status, string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken);
}

/// <summary>A status change the workflow does not allow (e.g. from cancelled back to new).</summary>
public sealed class InvalidBookingStatusChangeException(BookingStatus from, BookingStatus to)
    : Exception($"A request that is {from.ToString().ToLowerInvariant()} cannot become {to.ToString().ToLowerInvariant()}.")
{
    /// <summary>The current status.</summary>
    public BookingStatus From { get; } = from;

    /// <summary>The requested status.</summary>
    public BookingStatus To { get; } = to;

    /// <summary>The workflow: new → contacted → booked / cancelled; booked can still be cancelled.</summary>
    public static bool IsAllowed(BookingStatus from, BookingStatus to) => (from, to) switch
    {
        (BookingStatus.New, BookingStatus.Contacted or BookingStatus.Booked or BookingStatus.Cancelled) => true,
        (BookingStatus.Contacted, BookingStatus.Booked or BookingStatus.Cancelled) => true,
        (BookingStatus.Booked, BookingStatus.Cancelled) => true,
        _ => false,
    };
}
