using Microsoft.ML.Data;

namespace Chatbot.Faq.Classification;

/// <summary>The model's input row. <see cref="Embedding"/> is a column only of models trained with a sentence encoder.</summary>
internal sealed class TextRow
{
    public string Text { get; set; } = string.Empty;

    public float[] Embedding { get; set; } = [];
}

/// <summary>A training row.</summary>
internal sealed class LabeledRow
{
    public string Text { get; set; } = string.Empty;

    public float[] Embedding { get; set; } = [];

    public string Label { get; set; } = string.Empty;

    public float Weight { get; set; } = 1f;
}

/// <summary>Schema definitions of the rows: the embedding column has the encoder's width, or is left out.</summary>
internal static class RowSchemas
{
    public static SchemaDefinition For<TRow>(int embeddingWidth)
    {
        var definition = SchemaDefinition.Create(typeof(TRow));
        var column = definition.First(c => c.ColumnName == IntentPipeline.EmbeddingColumn);
        if (embeddingWidth > 0)
        {
            column.ColumnType = new VectorDataViewType(NumberDataViewType.Single, embeddingWidth);
        }
        else
        {
            definition.Remove(column);
        }

        return definition;
    }
}

/// <summary>The output of a single-learner model.</summary>
internal sealed class ScoreRow
{
    [ColumnName(IntentPipeline.ScoreColumn)]
    public float[] Score { get; set; } = [];
}

/// <summary>The output of a model with a fast first stage.</summary>
internal sealed class CascadeScoreRow
{
    [ColumnName(IntentPipeline.ScoreColumn)]
    public float[] Score { get; set; } = [];

    [ColumnName(IntentPipeline.FastScoreColumn)]
    public float[] FastScore { get; set; } = [];
}

/// <summary>The output of a two-learner model.</summary>
internal sealed class EnsembleScoreRow
{
    [ColumnName(IntentPipeline.ScoreColumn)]
    public float[] Score { get; set; } = [];

    [ColumnName(IntentPipeline.MaxEntScoreColumn)]
    public float[] MaxEntScore { get; set; } = [];
}
