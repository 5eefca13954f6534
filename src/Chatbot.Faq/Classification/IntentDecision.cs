namespace Chatbot.Faq.Classification;

/// <summary>What the bot should do with a prediction.</summary>
public enum IntentDecision
{
    /// <summary>Confident (at or above the answer threshold): give the approved answer.</summary>
    Answer,

    /// <summary>Between the thresholds: ask "Did you mean…?" with the top intents.</summary>
    Clarify,

    /// <summary>Out of scope or below the clarify threshold: fallback message.</summary>
    Fallback,

    /// <summary>The best intent is a <c>clinician/</c> intent: refer to a clinician, never answer.</summary>
    Referral,
}
