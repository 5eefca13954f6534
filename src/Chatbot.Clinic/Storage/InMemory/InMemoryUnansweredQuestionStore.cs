using Chatbot.Clinic.Unanswered;
namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>Unanswered questions in process memory: for tests.</summary>
public sealed class InMemoryUnansweredQuestionStore : IUnansweredQuestionStore
{
    private readonly List<UnansweredQuestion> _questions = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task AddAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _questions.Add(question with { Id = _questions.Count + 1 });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UnansweredQuestion>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<UnansweredQuestion> result = [.. _questions.Where(q => q.CreatedAt >= since).OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Take(limit)];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_questions.RemoveAll(q => q.CreatedAt < olderThan));
        }
    }
}
