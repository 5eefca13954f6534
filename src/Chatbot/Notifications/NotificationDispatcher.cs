using Microsoft.Extensions.Options;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Notifications;

/// <summary>
/// Moves staff notifications from the <see cref="INotificationOutbox"/> to every configured
/// <see cref="INotificationChannel"/>: polls every <see cref="NotificationOptions.PollInterval"/>, marks an item delivered
/// when all channels took it, and otherwise reschedules it with exponential backoff. Items are never dropped.
/// </summary>
/// <remarks>
/// With no configured channel the dispatcher does nothing and items stay pending in the outbox (staff see the requests
/// with <c>chatbot bookings list</c>). Logs carry the notification id, kind, attempt and the error's type or HTTP status,
/// never the subject or payload.
/// </remarks>
public sealed partial class NotificationDispatcher : BackgroundService
{
    /// <summary>How many due items one <see cref="DispatchDueAsync"/> call takes at most.</summary>
    public const int BatchSize = 50;

    /// <summary>From this attempt on, a failed delivery is logged as an error rather than a warning.</summary>
    public const int ErrorAfterAttempts = 10;

    private const double JitterFraction = 0.1;

    private readonly INotificationOutbox _outbox;
    private readonly IReadOnlyList<INotificationChannel> _channels;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly Func<double> _random;

    /// <summary>Creates the dispatcher.</summary>
    public NotificationDispatcher(
        INotificationOutbox outbox,
        IEnumerable<INotificationChannel> channels,
        IOptions<NotificationOptions> options,
        TimeProvider timeProvider,
        ILogger<NotificationDispatcher> logger)
        : this(outbox, channels, options, timeProvider, logger, Random.Shared.NextDouble)
    {
    }

    /// <summary>Creates the dispatcher with a given jitter source (tests).</summary>
    internal NotificationDispatcher(
        INotificationOutbox outbox,
        IEnumerable<INotificationChannel> channels,
        IOptions<NotificationOptions> options,
        TimeProvider timeProvider,
        ILogger<NotificationDispatcher> logger,
        Func<double> random)
    {
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _channels = [.. channels];
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _random = random;
    }

    /// <summary>The channels that will receive notifications.</summary>
    public IReadOnlyList<INotificationChannel> ConfiguredChannels => [.. _channels.Where(c => c.IsConfigured)];

    /// <summary>
    /// Delivers the items that are due now (at most <see cref="BatchSize"/>, earliest first) to every configured
    /// channel, marking each delivered; the first item that fails is rescheduled with backoff and ends the round.
    /// Does nothing when no channel is configured.
    /// </summary>
    /// <returns>How many items were delivered.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var channels = ConfiguredChannels;
        if (channels.Count == 0)
        {
            return 0;
        }

        var due = await _outbox.DueAsync(_timeProvider.GetUtcNow(), BatchSize, cancellationToken);
        var delivered = 0;
        foreach (var item in due)
        {
            if (!await DispatchAsync(item, channels, cancellationToken))
            {
                // A receiver that is down gets one request per poll, not one per waiting item (each of which could
                // take the full HTTP timeout); the rest are still due and go on the next poll.
                break;
            }

            delivered++;
        }

        return delivered;
    }

    /// <summary>The wait after a failure: <c>InitialBackoff × 2^previousAttempts</c> plus up to 10 % jitter, capped at <c>MaxBackoff</c>.</summary>
    /// <param name="options">The schedule.</param>
    /// <param name="previousAttempts">Failed attempts before this one (0 for the first failure).</param>
    /// <param name="random">A number in [0, 1) for the jitter.</param>
    internal static TimeSpan Backoff(NotificationOptions options, int previousAttempts, double random)
    {
        var exponent = Math.Clamp(previousAttempts, 0, 30);
        var ticks = options.InitialBackoff.Ticks * Math.Pow(2, exponent) * (1 + (JitterFraction * Math.Clamp(random, 0, 1)));
        return ticks >= options.MaxBackoff.Ticks ? options.MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channels = ConfiguredChannels;
        if (channels.Count == 0)
        {
            Log.NoChannel(_logger);
            return;
        }

        Log.Started(_logger, string.Join(", ", channels.Select(c => c.Name)), _options.PollInterval);
        try
        {
            using var timer = new PeriodicTimer(_options.PollInterval, _timeProvider);
            do
            {
                try
                {
                    await DispatchDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Typically the outbox's database being unavailable; the items are safe where they are.
                    Log.PollFailed(_logger, ex.GetType().Name, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; undelivered items stay in the outbox for the next start.
        }
    }

    private async Task<bool> DispatchAsync(OutboxItem item, IReadOnlyList<INotificationChannel> channels, CancellationToken cancellationToken)
    {
        var notification = item.Notification;
        var attempt = item.Attempts + 1;
        var errors = new List<string>();
        foreach (var channel in channels)
        {
            try
            {
                await channel.DeliverAsync(notification, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var error = Describe(ex);
                errors.Add($"{channel.Name}: {error}");
                var level = attempt >= ErrorAfterAttempts ? LogLevel.Error : LogLevel.Warning;
                Log.DeliveryFailed(_logger, level, notification.Id, notification.Kind, channel.Name, attempt, error);
            }
        }

        if (errors.Count == 0)
        {
            await _outbox.MarkDeliveredAsync(notification.Id, _timeProvider.GetUtcNow(), cancellationToken);
            Log.Delivered(_logger, notification.Id, notification.Kind, attempt);
            return true;
        }

        var next = _timeProvider.GetUtcNow() + Backoff(_options, item.Attempts, _random());
        await _outbox.MarkFailedAsync(notification.Id, string.Join("; ", errors), next, cancellationToken);
        Log.Rescheduled(_logger, notification.Id, attempt, next);
        return false;
    }

    /// <summary>The error's type and, for HTTP, the status or failure kind: never a message that could echo data.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status} ({status})",
        HttpRequestException http => $"{nameof(HttpRequestException)} ({http.HttpRequestError})",
        TaskCanceledException or TimeoutException => "timeout",
        _ => exception.GetType().Name,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "No notification channel is configured (Chatbot:Notifications:WebhookUrl, Chatbot:Teams:NotificationChannelId): staff notifications are only stored in the outbox, not delivered. Staff can still list booking requests with 'chatbot bookings list'.")]
        public static partial void NoChannel(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "Staff notifications are delivered via {Channels}, checking every {PollInterval}")]
        public static partial void Started(ILogger logger, string channels, TimeSpan pollInterval);

        [LoggerMessage(Message = "Staff notification {NotificationId} ({Kind}) was not delivered via {Channel} on attempt {Attempt}: {Error}")]
        public static partial void DeliveryFailed(ILogger logger, LogLevel level, string notificationId, StaffNotificationKind kind, string channel, int attempt, string error);

        [LoggerMessage(Level = LogLevel.Information, Message = "Staff notification {NotificationId} ({Kind}) delivered on attempt {Attempt}")]
        public static partial void Delivered(ILogger logger, string notificationId, StaffNotificationKind kind, int attempt);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Staff notification {NotificationId} rescheduled after attempt {Attempt} for {NextAttemptAt:O}")]
        public static partial void Rescheduled(ILogger logger, string notificationId, int attempt, DateTimeOffset nextAttemptAt);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the notification outbox failed ({ErrorType}); will retry on the next tick")]
        public static partial void PollFailed(ILogger logger, string errorType, Exception exception);
    }
}
