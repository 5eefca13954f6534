using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>Deletes conversations whose last activity is older than <see cref="DirectLineOptions.TranscriptRetention"/>, every <see cref="DirectLineOptions.PurgeInterval"/>.</summary>
internal sealed partial class DirectLineTranscriptPurgeService(
    IDirectLineTranscriptStore store,
    IOptions<DirectLineOptions> options,
    TimeProvider timeProvider,
    ILogger<DirectLineTranscriptPurgeService> logger) : BackgroundService
{
    /// <summary>Runs one purge now.</summary>
    /// <returns>How many conversations were deleted.</returns>
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.TranscriptRetention;
        var deleted = await store.DeleteInactiveAsync(cutoff, cancellationToken);
        if (deleted > 0)
        {
            LogPurged(logger, deleted, cutoff);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, timeProvider);
        do
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPurgeFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Direct Line: purged {Count} conversations inactive since before {Cutoff:O}")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line: purging old conversations failed; will retry at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
