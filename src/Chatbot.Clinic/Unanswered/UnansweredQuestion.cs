namespace Chatbot.Clinic.Unanswered;

/// <summary>Why a question is kept for staff review.</summary>
public enum UnansweredReason
{
    /// <summary>Out of scope or too unsure to answer: the patient got the fallback.</summary>
    Fallback,

    /// <summary>A close call: the patient was asked "Did you mean…?".</summary>
    Clarification,
}

/// <summary>A question the bot could not answer confidently, with personal data already removed.</summary>
/// <param name="Id">Store id (0 before it is stored).</param>
/// <param name="CreatedAt">When it was asked (UTC).</param>
/// <param name="Channel">The channel it came from.</param>
/// <param name="Reason">Why it is kept.</param>
/// <param name="RedactedText">The question with personal data replaced by placeholders.</param>
/// <param name="TopIntents">The classifier's best guesses, as <c>intent:score</c> pairs.</param>
/// <param name="ModelVersion">The model that was unsure.</param>
public sealed record UnansweredQuestion(
    long Id,
    DateTimeOffset CreatedAt,
    string Channel,
    UnansweredReason Reason,
    string RedactedText,
    string TopIntents,
    string ModelVersion);
