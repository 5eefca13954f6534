using Chatbot.Clinic.Unanswered;
namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>Reviewed wordings in process memory: tests and throwaway demos.</summary>
public sealed class InMemoryUnansweredReviewStore : IUnansweredReviewStore
{
    private readonly Dictionary<string, DateTimeOffset> _reviewed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> ReviewedKeysAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlySet<string>>(_reviewed.Keys.ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <inheritdoc />
    public Task MarkAsync(IEnumerable<string> keys, UnansweredReviewAction action, string? entryId, string user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _reviewed[key] = at;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> PurgeAsync(DateTimeOffset reviewedBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _reviewed.Where(x => x.Value < reviewedBefore).Select(x => x.Key).ToList();
            old.ForEach(key => _reviewed.Remove(key));
            return Task.FromResult(old.Count);
        }
    }
}
