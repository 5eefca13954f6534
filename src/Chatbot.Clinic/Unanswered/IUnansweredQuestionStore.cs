namespace Chatbot.Clinic.Unanswered;

/// <summary>Keeps redacted unanswered questions for staff review.</summary>
public interface IUnansweredQuestionStore
{
    /// <summary>Stores a question. The text must already be redacted.</summary>
    Task AddAsync(UnansweredQuestion question, CancellationToken cancellationToken);

    /// <summary>Questions asked since <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes questions older than <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
