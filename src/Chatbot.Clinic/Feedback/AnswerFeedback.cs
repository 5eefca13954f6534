namespace Chatbot.Clinic.Feedback;

/// <summary>What a patient said about one approved answer.</summary>
public enum AnswerVote
{
    /// <summary>👍 — the answer helped.</summary>
    Helpful,

    /// <summary>👎 — it did not.</summary>
    NotHelpful,
}

/// <summary>
/// A patient's vote on one approved answer: which entry, which model, which channel and when. Never the question, the
/// answer text or who voted: the id is drawn at random for the answer and links to no conversation.
/// </summary>
/// <param name="Id">The answer's random feedback id; a second vote with the same id (a changed mind) replaces the first.</param>
/// <param name="VotedAt">When the vote was cast (UTC).</param>
/// <param name="Channel">The channel the answer was given on.</param>
/// <param name="Intent">The FAQ entry that was answered.</param>
/// <param name="ModelVersion">The published model version that chose it.</param>
/// <param name="Vote">Helpful or not.</param>
public sealed record AnswerFeedback(string Id, DateTimeOffset VotedAt, string Channel, string Intent, string ModelVersion, AnswerVote Vote);

/// <summary>The votes on one entry under one model version.</summary>
/// <param name="Intent">The FAQ entry.</param>
/// <param name="ModelVersion">The model version that gave the answers.</param>
/// <param name="Helpful">👍 votes.</param>
/// <param name="NotHelpful">👎 votes.</param>
/// <param name="LastVotedAt">The newest vote.</param>
public sealed record AnswerFeedbackCount(string Intent, string ModelVersion, int Helpful, int NotHelpful, DateTimeOffset LastVotedAt);
