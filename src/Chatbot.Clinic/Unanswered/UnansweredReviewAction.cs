namespace Chatbot.Clinic.Unanswered;

/// <summary>What staff did with an unanswered question (by its normalized wording).</summary>
public enum UnansweredReviewAction
{
    /// <summary>Dismissed as noise.</summary>
    Dismissed,

    /// <summary>Added as an example to an entry (or a new draft entry).</summary>
    AddedAsExample,
}
