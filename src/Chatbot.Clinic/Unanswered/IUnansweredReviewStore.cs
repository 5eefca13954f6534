namespace Chatbot.Clinic.Unanswered;

/// <summary>Remembers which unanswered wordings staff have dealt with, so they leave the list.</summary>
public interface IUnansweredReviewStore
{
    /// <summary>The normalized wordings already dealt with.</summary>
    Task<IReadOnlySet<string>> ReviewedKeysAsync(CancellationToken cancellationToken);

    /// <summary>Marks wordings as dealt with (again: the latest action wins).</summary>
    Task MarkAsync(IEnumerable<string> keys, UnansweredReviewAction action, string? entryId, string user, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets reviews made before <paramref name="reviewedBefore"/> (retention).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeAsync(DateTimeOffset reviewedBefore, CancellationToken cancellationToken);
}
