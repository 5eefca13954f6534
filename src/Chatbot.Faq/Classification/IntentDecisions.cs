using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Classification;

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
