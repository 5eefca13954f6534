using Microsoft.ML;
using Microsoft.ML.Data;

namespace Chatbot.Faq.Classification;

/// <summary>A trained intent model: the ML.NET transformer and the intents its score slots stand for.</summary>
/// <remarks>Thread-safe for <see cref="Score"/> and <see cref="Save"/>; single predictions go through pooled engines.</remarks>
public sealed class IntentModel
{
    private readonly MLContext _ml;
    private readonly DataViewSchema _inputSchema;

    private IntentModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, double ensembleWeight)
    {
        _ml = ml;
        Transformer = transformer;
        _inputSchema = inputSchema;
        var output = transformer.GetOutputSchema(inputSchema);
        IsEnsemble = output.GetColumnOrNull(IntentPipeline.MaxEntScoreColumn) is not null;
        EnsembleWeight = ensembleWeight;
        var labels = SlotNames(output[IntentPipeline.ScoreColumn]);
        Labels = labels;
        OutOfScopeIndex = Array.IndexOf(labels, Dataset.FaqEntry.OutOfScopeId);
    }

    /// <summary>The intent of each score slot.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The slot of <c>out_of_scope</c>, or -1 when the model has no such class.</summary>
    public int OutOfScopeIndex { get; }

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
        var data = _ml.Data.LoadFromEnumerable(texts.Select(t => new TextRow { Text = t ?? string.Empty }));
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

    /// <summary>Writes the model in ML.NET's zip format.</summary>
    public void Save(Stream stream) => _ml.Model.Save(Transformer, _inputSchema, stream);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="stream">The zip stream.</param>
    /// <param name="ensembleWeight">The maximum-entropy weight, for two-learner models (stored in <c>model.json</c>).</param>
    /// <exception cref="InvalidDataException">The stream is not a usable intent model.</exception>
    public static IntentModel Load(Stream stream, double ensembleWeight = 0.5)
    {
        var ml = new MLContext(seed: 1);
        try
        {
            var transformer = ml.Model.Load(stream, out var inputSchema);
            return new IntentModel(ml, transformer, inputSchema, ensembleWeight);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException($"the model file is not a usable intent model ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    internal static IntentModel Create(MLContext ml, ITransformer transformer, double ensembleWeight)
    {
        var inputSchema = ml.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema;
        return new IntentModel(ml, transformer, inputSchema, ensembleWeight);
    }

    internal ScoringEngine CreateEngine() => IsEnsemble
        ? new EnsembleScoringEngine(_ml.Model.CreatePredictionEngine<TextRow, EnsembleScoreRow>(Transformer, _inputSchema), Labels.Count, EnsembleWeight)
        : new SingleScoringEngine(_ml.Model.CreatePredictionEngine<TextRow, ScoreRow>(Transformer, _inputSchema));

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
