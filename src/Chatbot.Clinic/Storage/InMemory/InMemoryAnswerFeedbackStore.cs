using Chatbot.Clinic.Feedback;

namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>Answer feedback in process memory: for tests and throwaway demos.</summary>
public sealed class InMemoryAnswerFeedbackStore : IAnswerFeedbackStore
{
    private readonly Dictionary<string, AnswerFeedback> _votes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        lock (_gate)
        {
            _votes[feedback.Id] = feedback;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AnswerFeedbackCount>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<AnswerFeedbackCount> result =
            [
                .. _votes.Values
                    .Where(v => v.VotedAt >= since)
                    .GroupBy(v => (v.Intent, v.ModelVersion))
                    .Select(g => new AnswerFeedbackCount(
                        g.Key.Intent, g.Key.ModelVersion,
                        g.Count(v => v.Vote == AnswerVote.Helpful), g.Count(v => v.Vote == AnswerVote.NotHelpful),
                        g.Max(v => v.VotedAt)))
                    .OrderBy(c => c.Intent, StringComparer.Ordinal).ThenBy(c => c.ModelVersion, StringComparer.Ordinal),
            ];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _votes.Values.Where(v => v.VotedAt < olderThan).Select(v => v.Id).ToList();
            old.ForEach(id => _votes.Remove(id));
            return Task.FromResult(old.Count);
        }
    }
}
