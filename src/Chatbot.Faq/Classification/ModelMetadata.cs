namespace Chatbot.Faq.Classification;

/// <summary>The content of <c>model.json</c>, written beside <c>model.zip</c>.</summary>
public sealed record ModelMetadata
{
    /// <summary>The current <see cref="FormatVersion"/>.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The layout of this file.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The <see cref="Dataset.FaqDataset.ContentHash"/> the model was trained on: the model version.</summary>
    public required string DatasetHash { get; init; }

    /// <summary>The <see cref="IntentModelOptions.Signature"/> the model was trained with.</summary>
    public required string PipelineSignature { get; init; }

    /// <summary>When training finished.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The intents, in score-slot order.</summary>
    public required IReadOnlyList<string> Intents { get; init; }

    /// <summary>How many examples the model was trained on.</summary>
    public required int ExampleCount { get; init; }

    /// <summary>The thresholds chosen on held-out predictions.</summary>
    public required IntentThresholds Thresholds { get; init; }

    /// <summary>Cross-validated figures.</summary>
    public required ModelMetrics Metrics { get; init; }

    /// <summary>The Microsoft.ML version that trained the model.</summary>
    public required string MlNetVersion { get; init; }

    /// <summary>The maximum-entropy weight of a two-learner model; null for one learner.</summary>
    public double? EnsembleWeight { get; init; }

    /// <summary>
    /// The sentence encoder the model takes vectors from (name and weights hash), or null for an n-gram-only model. A
    /// process whose encoder differs refuses the model, and it is retrained.
    /// </summary>
    public string? Encoder { get; init; }

    /// <summary>Thresholds of the fast first stage (n-grams alone), or null when the model has none.</summary>
    public IntentThresholds? FastThresholds { get; init; }

    /// <summary>Wall-clock training time, including cross-validation.</summary>
    public double TrainingSeconds { get; init; }

    /// <summary>SHA-256 of <c>model.zip</c>, to detect a truncated or replaced file.</summary>
    public string ModelSha256 { get; init; } = string.Empty;

    /// <summary>Size of <c>model.zip</c> in bytes.</summary>
    public long ModelBytes { get; init; }
}
