using Microsoft.ML.Data;

namespace Chatbot.Faq.Classification;

/// <summary>The model's input row.</summary>
internal sealed class TextRow
{
    public string Text { get; set; } = string.Empty;
}

/// <summary>A training row.</summary>
internal sealed class LabeledRow
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public float Weight { get; set; } = 1f;
}

/// <summary>The output of a single-learner model.</summary>
internal sealed class ScoreRow
{
    [ColumnName(IntentPipeline.ScoreColumn)]
    public float[] Score { get; set; } = [];
}

/// <summary>The output of a two-learner model.</summary>
internal sealed class EnsembleScoreRow
{
    [ColumnName(IntentPipeline.ScoreColumn)]
    public float[] Score { get; set; } = [];

    [ColumnName(IntentPipeline.MaxEntScoreColumn)]
    public float[] MaxEntScore { get; set; } = [];
}
