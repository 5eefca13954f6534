using Chatbot.Storage;
using Chatbot.Unanswered;
using Microsoft.Extensions.Options;

namespace Chatbot.Hosting;

/// <summary>Deletes conversation state and review data past their retention periods, hourly.</summary>
public sealed partial class RetentionService(
    IConversationStateStore states,
    IUnansweredQuestionStore unanswered,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), timeProvider);
        do
        {
            try
            {
                var now = timeProvider.GetUtcNow();
                var stateCount = await states.PurgeAsync(now - options.Value.StateRetention, stoppingToken);
                var questionCount = await unanswered.PurgeAsync(now - options.Value.UnansweredRetention, stoppingToken);
                if (stateCount + questionCount > 0)
                {
                    Log.Purged(logger, stateCount, questionCount);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PurgeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {StateCount} conversation states and {QuestionCount} unanswered questions")]
        public static partial void Purged(ILogger logger, int stateCount, int questionCount);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Retention clean-up failed; will retry next hour")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}
