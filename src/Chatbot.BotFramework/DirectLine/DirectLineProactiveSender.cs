using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// Appends bot activities to a conversation of this server outside a user's turn (proactive messages, e.g. a person's
/// reply relayed by the bot). They are normalized like turn replies (sender the bot unless the activity names another
/// bot-side sender, server ids and rising timestamps, no <c>replyToId</c>), and clients see them on their next poll.
/// </summary>
public sealed class DirectLineProactiveSender
{
    private readonly IDirectLineTranscriptStore _store;
    private readonly DirectLineActivityNormalizer _normalizer;
    private readonly TimeProvider _timeProvider;

    internal DirectLineProactiveSender(IDirectLineTranscriptStore store, DirectLineActivityNormalizer normalizer, TimeProvider timeProvider)
    {
        _store = store;
        _normalizer = normalizer;
        _timeProvider = timeProvider;
    }

    /// <summary>Appends <paramref name="activities"/> (hidden types such as <c>trace</c> are dropped) to the conversation.</summary>
    /// <returns>False when the conversation does not exist (never started, or purged); nothing is sent then.</returns>
    public async Task<bool> SendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activities);
        var info = await _store.GetConversationAsync(conversationId, cancellationToken);
        if (info is null)
        {
            return false;
        }

        // No stored activity to reply to: a conversationUpdate-shaped turn gives the replies no replyToId and no recipient.
        var outside = new Activity { Type = ActivityTypes.ConversationUpdate, Conversation = new ConversationAccount { Id = conversationId } };
        var first = DirectLineActivityNormalizer.NextTimestamp(_timeProvider.GetUtcNow(), info.LastActivityAt);
        var normalized = _normalizer.NormalizeReplies(activities, outside, first);
        if (normalized.Count == 0)
        {
            return true;
        }

        try
        {
            await _store.AppendAsync(conversationId, normalized, normalized[^1].Timestamp!.Value, cancellationToken);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }
}
