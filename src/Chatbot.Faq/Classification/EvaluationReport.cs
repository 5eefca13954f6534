namespace Chatbot.Faq.Classification;

/// <summary>Cross-validated quality of the intent model.</summary>
/// <remarks>
/// Accuracy, macro-F1, per-intent figures and the confusion matrix use the best intent (argmax) of out-of-fold predictions.
/// Out-of-scope recall/precision and the answered/clarify/fallback rates apply <see cref="Thresholds"/>; as the
/// thresholds are chosen on the same out-of-fold predictions, these are slightly optimistic.
/// </remarks>
public sealed record EvaluationReport
{
    /// <summary>Number of examples.</summary>
    public required int Examples { get; init; }

    /// <summary>Number of folds.</summary>
    public required int Folds { get; init; }

    /// <summary>Share of examples whose best intent is right (all intents, including <c>out_of_scope</c>).</summary>
    public required double Accuracy { get; init; }

    /// <summary>Unweighted mean of the per-intent F1.</summary>
    public required double MacroF1 { get; init; }

    /// <summary>Of the true <c>out_of_scope</c> examples, the share the bot would not answer; null without such examples.</summary>
    public required double? OutOfScopeRecall { get; init; }

    /// <summary>Of the examples the bot would not answer, the share that really were out of scope; null when none.</summary>
    public required double? OutOfScopePrecision { get; init; }

    /// <summary>Of the predictions the bot would answer outright, the share that were right.</summary>
    public required double AnsweredPrecision { get; init; }

    /// <summary>Of the in-scope examples, the share the bot would answer outright.</summary>
    public required double AnsweredCoverage { get; init; }

    /// <summary>Of the in-scope examples, the share that would get "Did you mean…?".</summary>
    public required double ClarifyRate { get; init; }

    /// <summary>Of the in-scope examples, the share that would get the fallback.</summary>
    public required double FallbackRate { get; init; }

    /// <summary>The thresholds chosen by <see cref="ThresholdSelector"/>.</summary>
    public required IntentThresholds Thresholds { get; init; }

    /// <summary>False when no threshold reached the answer-precision target (the ceiling was used).</summary>
    public required bool AnswerTargetMet { get; init; }

    /// <summary>Per intent, sorted by F1 (worst first).</summary>
    public required IReadOnlyList<IntentMetrics> PerIntent { get; init; }

    /// <summary>Confused (actual, predicted) pairs, most frequent first.</summary>
    public required IReadOnlyList<ConfusedPair> ConfusedPairs { get; init; }

    /// <summary>Wrongly classified examples, most confident first.</summary>
    public required IReadOnlyList<MisclassifiedExample> Misclassified { get; init; }

    /// <summary>The intents, in the order of <see cref="ConfusionMatrix"/>.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary><c>ConfusionMatrix[actual][predicted]</c> counts (argmax).</summary>
    public required IReadOnlyList<int[]> ConfusionMatrix { get; init; }

    /// <summary>Thresholds of the fast first stage, when the model has one.</summary>
    public IntentThresholds? FastThresholds { get; init; }

    /// <summary>Share of all examples the fast stage answered alone (no encoding), when the model has one.</summary>
    public double? FastStageShare { get; init; }

    /// <summary>Precision of the answers of the two stages together, as the bot uses them.</summary>
    public double? CascadeAnsweredPrecision { get; init; }

    /// <summary>Share of in-scope examples the two stages together answer directly.</summary>
    public double? CascadeAnsweredCoverage { get; init; }
}
