using Chatbot.Faq.Embeddings;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Chatbot.Faq.Classification;

/// <summary>A trained intent model: the ML.NET transformer and the intents its score slots stand for.</summary>
/// <remarks>Thread-safe for <see cref="Score"/> and <see cref="Save"/>; single predictions go through pooled engines.</remarks>
public sealed class IntentModel
{
    private readonly MLContext _ml;
    private readonly DataViewSchema _inputSchema;

    private IntentModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, double ensembleWeight, SentenceEmbedder? embedder)
    {
        _ml = ml;
        Transformer = transformer;
        _inputSchema = inputSchema;
        EmbeddingWidth = inputSchema.GetColumnOrNull(IntentPipeline.EmbeddingColumn)?.Type is VectorDataViewType { Size: > 0 } vector ? vector.Size : 0;
        if (EmbeddingWidth > 0 && (embedder is null || embedder.Encoder.Dimensions != EmbeddingWidth))
        {
            throw new InvalidDataException(
                $"the model needs a sentence encoder with {EmbeddingWidth} dimensions, and {(embedder is null ? "none was given" : $"{embedder.Encoder.Name} has {embedder.Encoder.Dimensions}")}");
        }

        Embedder = EmbeddingWidth > 0 ? embedder : null;
        var output = transformer.GetOutputSchema(inputSchema);
        IsEnsemble = output.GetColumnOrNull(IntentPipeline.MaxEntScoreColumn) is not null;
        HasFastStage = EmbeddingWidth > 0 && output.GetColumnOrNull(IntentPipeline.FastScoreColumn) is not null;
        EnsembleWeight = ensembleWeight;
        var labels = SlotNames(output[IntentPipeline.ScoreColumn]);
        Labels = labels;
        OutOfScopeIndex = Array.IndexOf(labels, Dataset.FaqEntry.OutOfScopeId);
    }

    /// <summary>The intent of each score slot.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The slot of <c>out_of_scope</c>, or -1 when the model has no such class.</summary>
    public int OutOfScopeIndex { get; }

    /// <summary>Width of the sentence vector the model takes besides the text; 0 for an n-gram-only model.</summary>
    public int EmbeddingWidth { get; }

    /// <summary>The embedder of models that take a sentence vector (null for n-gram-only models).</summary>
    public SentenceEmbedder? Embedder { get; }

    /// <summary>True when the model also scores with the n-grams alone (its fast first stage).</summary>
    public bool HasFastStage { get; }

    /// <summary>True when the model averages two learners.</summary>
    public bool IsEnsemble { get; }

    /// <summary>The weight of the maximum-entropy learner when <see cref="IsEnsemble"/>.</summary>
    public double EnsembleWeight { get; }

    internal ITransformer Transformer { get; }

    internal MLContext Context => _ml;

    /// <summary>Scores many questions at once (fast batch path, e.g. for evaluation).</summary>
    /// <returns>For each text, one probability per <see cref="Labels"/> slot.</returns>
    public float[][] Score(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var embeddings = Embedder?.EmbedExamples(texts.Select(t => t ?? string.Empty).ToList());
        var rows = texts.Select((t, i) => new TextRow { Text = t ?? string.Empty, Embedding = embeddings?[i] ?? [] }).ToList();
        var data = _ml.Data.LoadFromEnumerable(rows, RowSchemas.For<TextRow>(EmbeddingWidth));
        var scored = Transformer.Transform(data);
        if (!IsEnsemble)
        {
            return _ml.Data.CreateEnumerable<ScoreRow>(scored, reuseRowObject: false).Select(r => r.Score).ToArray();
        }

        return _ml.Data.CreateEnumerable<EnsembleScoreRow>(scored, reuseRowObject: false)
            .Select(r =>
            {
                var combined = new float[r.Score.Length];
                Combine(r.MaxEntScore, r.Score, EnsembleWeight, combined);
                return combined;
            })
            .ToArray();
    }

    /// <summary>Scores many questions with both stages: the full model, and the fast stage (null without one).</summary>
    public (float[][] Full, float[][]? Fast) ScoreStages(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (!HasFastStage)
        {
            return (Score(texts), null);
        }

        var embeddings = Embedder!.EmbedExamples(texts.Select(t => t ?? string.Empty).ToList());
        var rows = texts.Select((t, i) => new TextRow { Text = t ?? string.Empty, Embedding = embeddings[i] }).ToList();
        var scored = Transformer.Transform(_ml.Data.LoadFromEnumerable(rows, RowSchemas.For<TextRow>(EmbeddingWidth)));
        var output = _ml.Data.CreateEnumerable<CascadeScoreRow>(scored, reuseRowObject: false).ToList();
        return (output.Select(r => r.Score).ToArray(), output.Select(r => r.FastScore).ToArray());
    }

    /// <summary>Writes the model in ML.NET's zip format.</summary>
    public void Save(Stream stream) => _ml.Model.Save(Transformer, _inputSchema, stream);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="stream">The zip stream.</param>
    /// <param name="ensembleWeight">The maximum-entropy weight, for two-learner models (stored in <c>model.json</c>).</param>
    /// <param name="embedder">The embedder, for models trained with a sentence encoder.</param>
    /// <exception cref="InvalidDataException">The stream is not a usable intent model, or it needs an encoder it was not given.</exception>
    public static IntentModel Load(Stream stream, double ensembleWeight = 0.5, SentenceEmbedder? embedder = null)
    {
        var ml = new MLContext(seed: 1);
        try
        {
            var transformer = ml.Model.Load(stream, out var inputSchema);
            return new IntentModel(ml, transformer, inputSchema, ensembleWeight, embedder);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException($"the model file is not a usable intent model ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    internal static IntentModel Create(MLContext ml, ITransformer transformer, double ensembleWeight, SentenceEmbedder? embedder)
    {
        var width = embedder?.Encoder.Dimensions ?? 0;
        var inputSchema = ml.Data.LoadFromEnumerable(Array.Empty<TextRow>(), RowSchemas.For<TextRow>(width)).Schema;
        return new IntentModel(ml, transformer, inputSchema, ensembleWeight, embedder);
    }

    internal ScoringEngine CreateEngine()
    {
        var definition = RowSchemas.For<TextRow>(EmbeddingWidth);
        if (HasFastStage && !IsEnsemble)
        {
            return new CascadeScoringEngine(_ml.Model.CreatePredictionEngine<TextRow, CascadeScoreRow>(Transformer, inputSchemaDefinition: definition), EmbeddingWidth);
        }

        return IsEnsemble
            ? new EnsembleScoringEngine(_ml.Model.CreatePredictionEngine<TextRow, EnsembleScoreRow>(Transformer, inputSchemaDefinition: definition), Labels.Count, EnsembleWeight)
            : new SingleScoringEngine(_ml.Model.CreatePredictionEngine<TextRow, ScoreRow>(Transformer, inputSchemaDefinition: definition));
    }

    internal static void Combine(ReadOnlySpan<float> maxEnt, ReadOnlySpan<float> other, double weight, Span<float> into)
    {
        var w = (float)weight;
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = (w * maxEnt[i]) + ((1 - w) * other[i]);
        }
    }

    private static string[] SlotNames(DataViewSchema.Column score)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        if (score.HasSlotNames())
        {
            score.GetSlotNames(ref names);
        }

        var size = score.Type is VectorDataViewType vector ? vector.Size : 0;
        if (names.Length != size || size == 0)
        {
            throw new InvalidDataException("the model does not name its intents (no slot names on the Score column)");
        }

        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}
