using Chatbot.Faq.Dataset;

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

/// <summary>The three-band policy: answer, clarify, fall back; clinician questions are always referred.</summary>
public static class IntentDecisions
{
    /// <summary>Decides what to do with <paramref name="prediction"/>.</summary>
    /// <remarks>
    /// A <c>clinician/</c> best intent at or above the clarify threshold is a referral even when not confident:
    /// offering "did you mean" for a personal medical question would invite an answer the bot must not give.
    /// </remarks>
    public static IntentDecision Decide(IntentPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (prediction.IsOutOfScope || prediction.Top.Count == 0)
        {
            return IntentDecision.Fallback;
        }

        var best = prediction.Best;
        if (FaqEntry.KindOf(best.Intent) == IntentKind.Clinician)
        {
            return IntentDecision.Referral;
        }

        return best.Score >= prediction.Thresholds.Answer ? IntentDecision.Answer : IntentDecision.Clarify;
    }
}
