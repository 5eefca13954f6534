namespace Chatbot.Clinic.Feedback;

/// <summary>Keeps patients' 👍/👎 votes on approved answers, without any message text.</summary>
public interface IAnswerFeedbackStore
{
    /// <summary>Stores a vote; a vote with an id already stored replaces that one (the patient changed their mind).</summary>
    Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken);

    /// <summary>The votes cast since <paramref name="since"/>, counted per entry and model version.</summary>
    Task<IReadOnlyList<AnswerFeedbackCount>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes votes cast before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
