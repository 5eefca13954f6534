using Microsoft.Extensions.Options;

namespace Chatbot.Patients.Handoff;

/// <summary>
/// Every <see cref="HandoffOptions.SweepInterval"/>, times out the live hand-offs nobody took (each instance runs one;
/// the store hands each hand-off to exactly one of them) and, hourly, deletes old records of ended ones.
/// </summary>
public sealed partial class LiveHandoffSweeper(
    LiveHandoffEnding endings, IOptions<HandoffOptions> options, TimeProvider timeProvider, ILogger<LiveHandoffSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, timeProvider);
        var lastPurge = DateTimeOffset.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await endings.SweepAsync(stoppingToken);
                    if (timeProvider.GetUtcNow() - lastPurge >= PurgeEvery)
                    {
                        await endings.PurgeAsync(stoppingToken);
                        lastPurge = timeProvider.GetUtcNow();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.SweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Live hand-off sweep failed; it runs again at the next interval")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
