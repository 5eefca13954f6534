using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// Where the Direct Line server keeps conversations and their activities until clients have read them and the
/// retention period has passed.
/// </summary>
/// <remarks>
/// Contract (checked by the abstract <c>DirectLineTranscriptStoreContractTests</c> in the test project):
/// <list type="bullet">
/// <item>Each conversation numbers its activities 1, 2, 3, … in append order, without gaps; the number is the
/// Direct Line watermark. Numbers are never reused while the conversation exists.</item>
/// <item><see cref="AppendAsync"/> is atomic for the whole batch and safe to call concurrently for the same
/// conversation (callers are not required to serialize).</item>
/// <item>Stored activities are copies: changing an activity after appending it, or after reading it, never changes
/// what the store holds.</item>
/// <item>Conversation ids are opaque strings compared ordinally.</item>
/// </list>
/// </remarks>
public interface IDirectLineTranscriptStore
{
    /// <summary>Records a new, empty conversation.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="createdAt">When the conversation started; also its last-activity time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if it was created; <see langword="false"/> if it already existed (nothing changes).</returns>
    Task<bool> TryCreateConversationAsync(string conversationId, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>Reads a conversation's summary.</summary>
    /// <returns>The summary, or <see langword="null"/> when the conversation does not exist (never started or purged).</returns>
    Task<DirectLineConversationInfo?> GetConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends activities to a conversation and updates its last-activity time.</summary>
    /// <param name="conversationId">An existing conversation.</param>
    /// <param name="activities">The activities, in order; may be empty.</param>
    /// <param name="appendedAt">The new last-activity time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The sequence number given to each activity, in the same order.</returns>
    /// <exception cref="KeyNotFoundException">The conversation does not exist.</exception>
    Task<IReadOnlyList<long>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, DateTimeOffset appendedAt, CancellationToken cancellationToken);

    /// <summary>Reads activities whose sequence number is greater than <paramref name="afterSequence"/>, oldest first.</summary>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="afterSequence">The watermark the client has; 0 reads from the start.</param>
    /// <param name="maxCount">At most this many entries are returned (at least 1).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entries (empty when none, or when the conversation does not exist).</returns>
    Task<IReadOnlyList<DirectLineTranscriptEntry>> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Finds the activity a client posted with <paramref name="clientActivityId"/> in its
    /// <c>channelData.clientActivityID</c> (Web Chat and directlinejs set it on every post, and keep it on a retry).
    /// </summary>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="clientActivityId">The client's id of the activity, compared ordinally.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The sequence number of the first such activity, or <see langword="null"/> when there is none (or no such conversation).</returns>
    Task<long?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken);

    /// <summary>Deletes every conversation (with its activities) whose last-activity time is before <paramref name="cutoff"/>.</summary>
    /// <returns>How many conversations were deleted.</returns>
    Task<int> DeleteInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
