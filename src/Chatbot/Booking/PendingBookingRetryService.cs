using Chatbot.Clinic.Bookings;
namespace Chatbot.Booking;

/// <summary>
/// Saves the booking requests in the <see cref="PendingBookingQueue"/> to the <see cref="IBookingStore"/>, oldest first,
/// retrying with exponential backoff (<see cref="InitialDelay"/> doubling up to <see cref="MaxDelay"/>) until the store
/// accepts them, so a request the patient made while the database was down is not silently dropped.
/// </summary>
/// <remarks>
/// Each failure is logged as a warning with the reference only; when the oldest request has waited
/// <see cref="CriticalAfter"/> the outage is logged once as critical; on shutdown one last attempt is made and whatever
/// is still unsaved is logged as an error with its references.
/// </remarks>
public sealed partial class PendingBookingRetryService(
    PendingBookingQueue queue,
    IBookingStore store,
    TimeProvider timeProvider,
    ILogger<PendingBookingRetryService> logger) : BackgroundService
{
    /// <summary>The wait after the first failed retry.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between retries.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    /// <summary>How long a request may wait before the outage is logged as critical.</summary>
    public static readonly TimeSpan CriticalAfter = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _nextAttemptAt = DateTimeOffset.MinValue;
    private bool _criticalLogged;

    /// <summary>When the next retry is due (after a failure), or <see cref="DateTimeOffset.MinValue"/>.</summary>
    public DateTimeOffset NextAttemptAt
    {
        get
        {
            lock (_gate)
            {
                return _nextAttemptAt;
            }
        }
    }

    /// <summary>
    /// If a retry is due, saves waiting requests oldest first until the queue is empty or the store fails; a failure
    /// schedules the next retry with backoff.
    /// </summary>
    /// <returns>How many requests were saved.</returns>
    public async Task<int> RetryDueAsync(CancellationToken cancellationToken)
    {
        if (queue.Count == 0 || timeProvider.GetUtcNow() < NextAttemptAt)
        {
            return 0;
        }

        return await SaveAllAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (queue.Count == 0)
        {
            return;
        }

        try
        {
            // One last try, whatever the backoff says: the queue dies with the process.
            await SaveAllAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown time is up.
        }

        if (queue.Count > 0)
        {
            Log.LostOnShutdown(logger, queue.Count, string.Join(", ", queue.References()));
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RetryDueAsync(stoppingToken);
                await WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // StopAsync makes the last attempt and reports what is left.
        }
    }

    /// <summary>Waits for a new request or, while requests are waiting, for the next retry time.</summary>
    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task> { queue.WaitForEnqueueAsync(wake.Token) };
        if (queue.Count > 0)
        {
            var delay = NextAttemptAt - timeProvider.GetUtcNow();
            waits.Add(Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, timeProvider, wake.Token));
        }

        await Task.WhenAny(waits);
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task<int> SaveAllAsync(CancellationToken cancellationToken)
    {
        var saved = 0;
        while (queue.TryPeek(out var pending))
        {
            if (!await TrySaveAsync(pending, cancellationToken))
            {
                return saved;
            }

            queue.TryRemoveHead();
            saved++;
        }

        return saved;
    }

    private async Task<bool> TrySaveAsync(PendingBooking pending, CancellationToken cancellationToken)
    {
        var reference = pending.Request.Reference;
        try
        {
            await store.AddAsync(pending.Request, pending.Notification, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (await IsAlreadyStoredAsync(reference, cancellationToken))
            {
                // An earlier attempt committed although it reported a failure; the duplicate insert was refused.
                Log.AlreadyStored(logger, reference);
                return Succeeded();
            }

            Failed(pending, ex);
            return false;
        }

        Log.Saved(logger, reference, timeProvider.GetUtcNow() - pending.QueuedAt);
        return Succeeded();
    }

    private async Task<bool> IsAlreadyStoredAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(reference, cancellationToken) is not null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private bool Succeeded()
    {
        lock (_gate)
        {
            _failures = 0;
            _nextAttemptAt = DateTimeOffset.MinValue;
            _criticalLogged = false;
        }

        return true;
    }

    private void Failed(PendingBooking pending, Exception exception)
    {
        var now = timeProvider.GetUtcNow();
        TimeSpan delay;
        bool logCritical;
        int failures;
        lock (_gate)
        {
            failures = ++_failures;
            delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, InitialDelay.Ticks * (1L << Math.Min(failures - 1, 20))));
            _nextAttemptAt = now + delay;
            logCritical = !_criticalLogged && now - pending.QueuedAt >= CriticalAfter;
            _criticalLogged |= logCritical;
        }

        // The exception's type only: a store's message could quote the values it was given.
        Log.RetryFailed(logger, pending.Request.Reference, failures, exception.GetType().Name, delay);
        if (logCritical)
        {
            Log.StillFailing(logger, queue.Count, now - pending.QueuedAt, string.Join(", ", queue.References()));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Booking {Reference} is still not saved (retry {Failures} failed: {ErrorType}); next try in {Delay}")]
        public static partial void RetryFailed(ILogger logger, string reference, int failures, string errorType, TimeSpan delay);

        [LoggerMessage(Level = LogLevel.Critical, Message = "The booking store has refused {Count} booking request(s) for {Waited}; they are kept in memory only and are lost if the bot stops. References: {References}")]
        public static partial void StillFailing(ILogger logger, int count, TimeSpan waited, string references);

        [LoggerMessage(Level = LogLevel.Information, Message = "Booking {Reference} saved after waiting {Waited}")]
        public static partial void Saved(ILogger logger, string reference, TimeSpan waited);

        [LoggerMessage(Level = LogLevel.Information, Message = "Booking {Reference} was already stored by an earlier attempt")]
        public static partial void AlreadyStored(ILogger logger, string reference);

        [LoggerMessage(Level = LogLevel.Error, Message = "Shutting down with {Count} booking request(s) that could not be saved and are now lost (the patients were told to call the clinic). References: {References}")]
        public static partial void LostOnShutdown(ILogger logger, int count, string references);
    }
}
