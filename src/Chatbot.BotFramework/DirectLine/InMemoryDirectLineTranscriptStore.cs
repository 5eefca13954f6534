using System.Collections.Concurrent;
using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// A <see cref="IDirectLineTranscriptStore"/> in process memory: for development, tests and a single instance.
/// Everything is lost on restart, and instances do not share it.
/// </summary>
/// <remarks>Activities are kept as wire JSON, so the store holds copies and its size follows what clients see.</remarks>
public sealed class InMemoryDirectLineTranscriptStore : IDirectLineTranscriptStore
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> TryCreateConversationAsync(string conversationId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return Task.FromResult(_conversations.TryAdd(conversationId, new Conversation(createdAt)));
    }

    /// <inheritdoc />
    public Task<DirectLineConversationInfo?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return Task.FromResult<DirectLineConversationInfo?>(null);
        }

        lock (conversation)
        {
            return Task.FromResult<DirectLineConversationInfo?>(new DirectLineConversationInfo(
                conversationId, conversation.CreatedAt, conversation.LastActivityAt, conversation.Activities.Count));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> AppendAsync(
        string conversationId, IReadOnlyList<Activity> activities, DateTimeOffset appendedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activities);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            throw new KeyNotFoundException($"Conversation '{conversationId}' does not exist.");
        }

        // Serialize outside the lock: it is the expensive part.
        var json = activities.Select(a => BotJson.Serialize(a ?? throw new ArgumentException("Null activity.", nameof(activities)))).ToList();
        var sequences = new long[json.Count];
        lock (conversation)
        {
            for (var i = 0; i < json.Count; i++)
            {
                conversation.Activities.Add(json[i]);
                sequences[i] = conversation.Activities.Count;
            }

            if (appendedAt > conversation.LastActivityAt)
            {
                conversation.LastActivityAt = appendedAt;
            }
        }

        return Task.FromResult<IReadOnlyList<long>>(sequences);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DirectLineTranscriptEntry>> ReadAsync(
        string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return Task.FromResult<IReadOnlyList<DirectLineTranscriptEntry>>([]);
        }

        List<(long Sequence, string Json)> slice = [];
        lock (conversation)
        {
            for (var seq = afterSequence + 1; seq <= conversation.Activities.Count && slice.Count < maxCount; seq++)
            {
                slice.Add((seq, conversation.Activities[(int)(seq - 1)]));
            }
        }

        IReadOnlyList<DirectLineTranscriptEntry> entries = slice
            .Select(s => new DirectLineTranscriptEntry(s.Sequence, BotJson.Deserialize<Activity>(s.Json)!))
            .ToList();
        return Task.FromResult(entries);
    }

    /// <inheritdoc />
    public Task<long?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(clientActivityId);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return Task.FromResult<long?>(null);
        }

        List<(long Sequence, string Json)> candidates = [];
        lock (conversation)
        {
            for (var i = 0; i < conversation.Activities.Count; i++)
            {
                if (conversation.Activities[i].Contains(clientActivityId, StringComparison.Ordinal))
                {
                    candidates.Add((i + 1, conversation.Activities[i]));
                }
            }
        }

        foreach (var (sequence, json) in candidates)
        {
            if (DirectLineActivityNormalizer.ClientActivityId(BotJson.Deserialize<Activity>(json)) == clientActivityId)
            {
                return Task.FromResult<long?>(sequence);
            }
        }

        return Task.FromResult<long?>(null);
    }

    /// <inheritdoc />
    public Task<int> DeleteInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var (id, conversation) in _conversations)
        {
            bool expired;
            lock (conversation)
            {
                expired = conversation.LastActivityAt < cutoff;
            }

            // Remove only the instance we judged, so a conversation re-created meanwhile survives.
            if (expired && _conversations.TryRemove(new KeyValuePair<string, Conversation>(id, conversation)))
            {
                deleted++;
            }
        }

        return Task.FromResult(deleted);
    }

    private sealed class Conversation(DateTimeOffset createdAt)
    {
        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset LastActivityAt { get; set; } = createdAt;

        public List<string> Activities { get; } = [];
    }
}
