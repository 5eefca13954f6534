using System.Collections.Concurrent;
using Chatbot.Clinic.Conversations;

namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>Conversation state in process memory: for tests; lost on restart.</summary>
public sealed class InMemoryConversationStateStore(TimeProvider timeProvider) : IConversationStateStore
{
    private readonly ConcurrentDictionary<string, (StoredDocument Document, DateTimeOffset Written)> _documents = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_documents.TryGetValue(key, out var entry) ? entry.Document : null);

    /// <inheritdoc />
    public Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var exists = _documents.TryGetValue(key, out var current);
            if ((expectedETag is null && exists) || (expectedETag is not null && (!exists || current.Document.ETag != expectedETag)))
            {
                throw new ConcurrencyConflictException(key);
            }

            var etag = Guid.NewGuid().ToString("N");
            _documents[key] = (new StoredDocument(json, etag), timeProvider.GetUtcNow());
            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _documents.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RewriteAsync(DateTimeOffset writtenBefore, string marker, Func<string, string?> rewrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        var rewritten = 0;
        lock (_gate)
        {
            foreach (var (key, entry) in _documents)
            {
                if (entry.Written < writtenBefore && entry.Document.Json.Contains(marker, StringComparison.Ordinal) && rewrite(entry.Document.Json) is { } json)
                {
                    _documents[key] = (new StoredDocument(json, Guid.NewGuid().ToString("N")), entry.Written);
                    rewritten++;
                }
            }
        }

        return Task.FromResult(rewritten);
    }

    /// <inheritdoc />
    public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (key, entry) in _documents)
        {
            if (entry.Written < olderThan && _documents.TryRemove(key, out _))
            {
                removed++;
            }
        }

        return Task.FromResult(removed);
    }
}
