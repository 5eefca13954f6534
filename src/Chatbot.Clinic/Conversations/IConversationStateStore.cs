namespace Chatbot.Clinic.Conversations;

/// <summary>A stored JSON document and its version.</summary>
/// <param name="Json">The document.</param>
/// <param name="ETag">The version; pass it back to <see cref="IConversationStateStore.WriteAsync"/>.</param>
public sealed record StoredDocument(string Json, string ETag);

/// <summary>
/// Key/value store for conversation state with optimistic concurrency (the Bot Framework <c>IStorage</c> idea).
/// </summary>
public interface IConversationStateStore
{
    /// <summary>Reads a document, or null when there is none.</summary>
    Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a document when its current version equals <paramref name="expectedETag"/> (null: only when the key does
    /// not exist yet). Returns the new ETag.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Another writer changed the document first.</exception>
    Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Deletes a document (no error when absent).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes documents not written since <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);

    /// <summary>
    /// Rewrites states last written before <paramref name="writtenBefore"/> whose JSON contains <paramref name="marker"/>
    /// (e.g. an abandoned booking draft): <paramref name="rewrite"/> returns the new JSON, or null to leave it. The
    /// write time is kept, so the state's own retention still counts from the patient's last turn.
    /// </summary>
    /// <returns>How many states were rewritten.</returns>
    Task<int> RewriteAsync(DateTimeOffset writtenBefore, string marker, Func<string, string?> rewrite, CancellationToken cancellationToken);
}

/// <summary>Thrown when a write lost an optimistic-concurrency race.</summary>
public sealed class ConcurrencyConflictException(string key)
    : Exception($"The document '{key}' was changed by another writer.")
{
    /// <summary>The key that conflicted.</summary>
    public string Key { get; } = key;
}
