using Chatbot.Clinic.Feedback;

namespace Chatbot.Patients.Feedback;

/// <summary>
/// An approved answer the patient may rate, remembered in the conversation's state so that a press can be matched to
/// the entry it is about and a press for an answer this conversation never got is ignored.
/// </summary>
public sealed class FeedbackOffer
{
    /// <summary>The random id the buttons carry (also the stored vote's id, so a changed mind replaces the vote).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The FAQ entry that was answered.</summary>
    public string Intent { get; set; } = string.Empty;

    /// <summary>The model version that chose it.</summary>
    public string ModelVersion { get; set; } = string.Empty;

    /// <summary>The patient's latest vote on it, if any.</summary>
    public AnswerVote? Vote { get; set; }
}
