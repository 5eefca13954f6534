namespace Chatbot.Faq.Classification;

/// <summary>An intent and the classifier's probability for it.</summary>
/// <param name="Intent">The intent id.</param>
/// <param name="Score">Probability in [0, 1].</param>
public readonly record struct IntentScore(string Intent, float Score);

/// <summary>
/// The thresholds of one trained model (chosen on held-out data at training time and stored with the model).
/// </summary>
/// <param name="Answer">At or above: confident enough to answer.</param>
/// <param name="Clarify">At or above (but below <paramref name="Answer"/>): ask "Did you mean…?". Below: fall back.</param>
public sealed record IntentThresholds(float Answer, float Clarify);

/// <summary>The classifier's view of one question.</summary>
/// <param name="Top">The best intents, highest first (at most three).</param>
/// <param name="IsOutOfScope">True when the top intent is <c>out_of_scope</c> or its score is below <see cref="IntentThresholds.Clarify"/>.</param>
/// <param name="Thresholds">The thresholds of the model that answered.</param>
/// <param name="ModelVersion">The version (dataset hash) of the model that answered.</param>
/// <param name="Stage">Which stage of the classifier decided.</param>
public sealed record IntentPrediction(
    IReadOnlyList<IntentScore> Top,
    bool IsOutOfScope,
    IntentThresholds Thresholds,
    string ModelVersion,
    ClassifierStage Stage = ClassifierStage.Full)
{
    /// <summary>The best intent, or an out-of-scope score of 1 when there is none.</summary>
    public IntentScore Best => Top.Count > 0 ? Top[0] : new IntentScore("out_of_scope", 1f);

    /// <summary>The second-best intent, if any.</summary>
    public IntentScore? Second => Top.Count > 1 ? Top[1] : null;
}

/// <summary>Which stage of the classifier produced a prediction.</summary>
public enum ClassifierStage
{
    /// <summary>The full model: n-grams and the sentence vector (or an n-gram-only model).</summary>
    Full,

    /// <summary>The fast first stage (n-grams alone) was confident, so the text was not encoded.</summary>
    Fast,

    /// <summary>The encoder was saturated: the fast stage's scores, held to its own thresholds.</summary>
    Degraded,
}
