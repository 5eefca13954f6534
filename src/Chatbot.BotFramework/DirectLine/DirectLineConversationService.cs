using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// The conversation side of the server: starting conversations, recording what users post, running the bot and
/// recording its replies, and reading the transcript back.
/// </summary>
internal sealed partial class DirectLineConversationService(
    IDirectLineTranscriptStore store,
    IDirectLineBot bot,
    DirectLineActivityNormalizer normalizer,
    IOptions<DirectLineOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineConversationService> logger)
{
    /// <summary>Most activities one poll returns; the client fetches the rest with the new watermark.</summary>
    public const int MaxActivitiesPerPoll = 100;

    // Ids of recorded activities whose turn is running on this instance.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    /// <summary>Records the conversation and, the first time, tells the bot (whose welcome is recorded).</summary>
    /// <returns><see langword="true"/> when the conversation was created by this call.</returns>
    public async Task<bool> StartAsync(string conversationId, string? userId, string serviceUrl, CancellationToken cancellationToken)
    {
        var now = DirectLineActivityNormalizer.NextTimestamp(timeProvider.GetUtcNow(), null);
        if (!await store.TryCreateConversationAsync(conversationId, now, cancellationToken))
        {
            return false;
        }

        var user = userId is null ? null : new ChannelAccount { Id = userId, Role = RoleTypes.User };
        var started = normalizer.ConversationStarted(conversationId, user, serviceUrl, now);
        var outcome = await RunTurnWithTimeoutAsync(started, now);
        if (outcome != TurnOutcome.Completed)
        {
            LogStartTurnFailed(logger, conversationId, outcome);
        }

        return true;
    }

    /// <summary>Reads the conversation's summary (null when unknown).</summary>
    public Task<DirectLineConversationInfo?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        store.GetConversationAsync(conversationId, cancellationToken);

    /// <summary>
    /// Records a normalized user activity (giving it its id and timestamp), runs the bot and records the replies.
    /// Typing indicators are neither recorded nor given to the bot.
    /// </summary>
    /// <remarks>
    /// <c>channelData.clientActivityID</c> is an idempotency key per conversation: a post whose id is already in the
    /// transcript (a client's retry after a failed post, e.g. when the instance that took it died) is not recorded again
    /// and answers with the recorded activity's id. Its turn runs again only when the transcript holds no reply to it
    /// and this instance is not running it (the first attempt's turn died with its instance, or failed).
    /// </remarks>
    public async Task<DirectLineResult> PostAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation!.Id!;
        var info = await store.GetConversationAsync(conversationId, cancellationToken);
        if (info is null)
        {
            return DirectLineResult.NotFound();
        }

        if (activity.IsType(ActivityTypes.Typing))
        {
            return DirectLineResult.Ok(new ResourceResponse(null));
        }

        if (DirectLineActivityNormalizer.ClientActivityId(activity) is { } clientActivityId
            && await store.FindByClientActivityIdAsync(conversationId, clientActivityId, cancellationToken) is long recorded)
        {
            return await RepostAsync(conversationId, recorded, info, cancellationToken);
        }

        if (info.ActivityCount >= options.Value.MaxActivitiesPerConversation)
        {
            return DirectLineResult.Error(409, ErrorCodes.ConversationFull, "This conversation is full; please start a new one.");
        }

        var timestamp = DirectLineActivityNormalizer.NextTimestamp(timeProvider.GetUtcNow(), info.LastActivityAt);
        activity.Timestamp = timestamp;
        var sequences = await store.AppendAsync(conversationId, [activity], timestamp, cancellationToken);
        activity.Id = DirectLineActivityNormalizer.ActivityId(conversationId, sequences[0]);

        return await RunTurnWithTimeoutAsync(activity, timestamp) switch
        {
            TurnOutcome.Completed => DirectLineResult.Ok(new ResourceResponse(activity.Id)),
            TurnOutcome.TimedOut => DirectLineResult.Error(502, ErrorCodes.BotTimeout, "Failed to send activity: bot timed out."),
            _ => DirectLineResult.Error(502, ErrorCodes.BotError, "Failed to send activity: bot returned an error."),
        };
    }

    // A post already recorded: answer with its id; run its turn again only if nothing answered it and it is not running here.
    private async Task<DirectLineResult> RepostAsync(string conversationId, long sequence, DirectLineConversationInfo info, CancellationToken cancellationToken)
    {
        var id = DirectLineActivityNormalizer.ActivityId(conversationId, sequence);
        var entries = await store.ReadAsync(conversationId, sequence - 1, options.Value.MaxActivitiesPerConversation, cancellationToken);
        if (entries.Count == 0 || entries[0].Sequence != sequence)
        {
            return DirectLineResult.NotFound();
        }

        if (entries.Skip(1).Any(e => e.Activity.ReplyToId == id) || _running.ContainsKey(id))
        {
            LogRepost(logger, conversationId, id, false);
            return DirectLineResult.Ok(new ResourceResponse(id));
        }

        LogRepost(logger, conversationId, id, true);
        var activity = entries[0].Activity;
        activity.Id = id;
        var turnTimestamp = info.LastActivityAt > (activity.Timestamp ?? info.LastActivityAt) ? info.LastActivityAt : activity.Timestamp ?? info.LastActivityAt;
        return await RunTurnWithTimeoutAsync(activity, turnTimestamp) switch
        {
            TurnOutcome.Completed => DirectLineResult.Ok(new ResourceResponse(id)),
            TurnOutcome.TimedOut => DirectLineResult.Error(502, ErrorCodes.BotTimeout, "Failed to send activity: bot timed out."),
            _ => DirectLineResult.Error(502, ErrorCodes.BotError, "Failed to send activity: bot returned an error."),
        };
    }

    /// <summary>Reads the activities after <paramref name="watermark"/> as a client sees them.</summary>
    public async Task<ActivitySet> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var entries = await store.ReadAsync(conversationId, watermark, MaxActivitiesPerPoll, cancellationToken);
        var last = entries.Count == 0 ? watermark : entries[^1].Sequence;
        return new ActivitySet
        {
            Activities = entries.Select(e => DirectLineActivityNormalizer.ForClient(e, conversationId)).ToList(),
            Watermark = last.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    // Waits for the turn at most BotTimeout; a slower turn goes on in the background and its replies are recorded later.
    // Turns of recorded activities are listed in _running until they end, so a retry of one still running is not run twice here.
    private async Task<TurnOutcome> RunTurnWithTimeoutAsync(Activity activity, DateTimeOffset turnTimestamp)
    {
        var turn = RunTurnAsync(BotJson.Deserialize<Activity>(BotJson.Serialize(activity))!, activity, turnTimestamp);
        if (activity.Id is { } activityId && !turn.IsCompleted && _running.TryAdd(activityId, 0))
        {
            _ = turn.ContinueWith(ended => _running.TryRemove(activityId, out byte _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        using var delayCancellation = new CancellationTokenSource();
        var delay = Task.Delay(options.Value.BotTimeout, timeProvider, delayCancellation.Token);
        if (await Task.WhenAny(turn, delay) == turn)
        {
            await delayCancellation.CancelAsync();
            return await turn;
        }

        LogBotTimeout(logger, activity.Conversation?.Id, activity.Id);
        return TurnOutcome.TimedOut;
    }

    // Never throws: the outcome is reported instead (this may run after the HTTP response has gone).
    private async Task<TurnOutcome> RunTurnAsync(Activity botCopy, Activity turn, DateTimeOffset turnTimestamp)
    {
        var conversationId = turn.Conversation!.Id!;
        IReadOnlyList<Activity> replies;
        try
        {
            replies = await bot.ProcessActivityAsync(botCopy, lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogBotFailed(logger, e, conversationId, turn.Id);
            return TurnOutcome.Failed;
        }

        try
        {
            var first = DirectLineActivityNormalizer.NextTimestamp(timeProvider.GetUtcNow(), turnTimestamp);
            var normalized = normalizer.NormalizeReplies(replies, turn, first);
            if (normalized.Count > 0)
            {
                await store.AppendAsync(conversationId, normalized, normalized[^1].Timestamp!.Value, lifetime.ApplicationStopping);
            }

            return TurnOutcome.Completed;
        }
        catch (KeyNotFoundException)
        {
            LogConversationGone(logger, conversationId);
            return TurnOutcome.Failed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRecordFailed(logger, e, conversationId, turn.Id);
            return TurnOutcome.Failed;
        }
    }

    private enum TurnOutcome
    {
        Completed,
        TimedOut,
        Failed,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Direct Line: activity {ActivityId} of conversation {ConversationId} was posted again (same clientActivityID); its turn runs again: {RunAgain}")]
    private static partial void LogRepost(ILogger logger, string conversationId, string activityId, bool runAgain);

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line: the bot failed on activity {ActivityId} of conversation {ConversationId}")]
    private static partial void LogBotFailed(ILogger logger, Exception exception, string conversationId, string? activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: the bot did not answer activity {ActivityId} of conversation {ConversationId} in time; its replies will be recorded when it does")]
    private static partial void LogBotTimeout(ILogger logger, string? conversationId, string? activityId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line: the replies to activity {ActivityId} of conversation {ConversationId} could not be recorded")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string conversationId, string? activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: conversation {ConversationId} was deleted during a turn; the replies were dropped")]
    private static partial void LogConversationGone(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: the start turn of conversation {ConversationId} ended as {Outcome}")]
    private static partial void LogStartTurnFailed(ILogger logger, string conversationId, TurnOutcome outcome);
}
