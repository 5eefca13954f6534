using Microsoft.ML;

namespace Chatbot.Faq.Classification;

/// <summary>One prediction engine (not thread-safe: pooled by <see cref="IntentClassifier"/>) and its buffers.</summary>
internal abstract class ScoringEngine : IDisposable
{
    protected TextRow Input { get; } = new();

    /// <summary>Scores one text; <paramref name="embedding"/> is its sentence vector for models that use one.</summary>
    public abstract ReadOnlySpan<float> Score(string text, float[]? embedding);

    /// <summary>
    /// Scores one text with the fast stage alone (n-grams, no sentence vector needed); null when the model has none.
    /// </summary>
    public virtual float[]? ScoreFast(string text) => null;

    public abstract void Dispose();

    protected void Fill(string text, float[]? embedding)
    {
        Input.Text = text;
        Input.Embedding = embedding ?? [];
    }
}

/// <summary>An engine for a single-learner model.</summary>
internal sealed class SingleScoringEngine(PredictionEngine<TextRow, ScoreRow> engine) : ScoringEngine
{
    private ScoreRow _output = new();

    public override ReadOnlySpan<float> Score(string text, float[]? embedding)
    {
        Fill(text, embedding);
        engine.Predict(Input, ref _output);
        return _output.Score;
    }

    public override void Dispose() => engine.Dispose();
}

/// <summary>An engine for a two-learner model: the weighted average of both learners' probabilities.</summary>
internal sealed class EnsembleScoringEngine(PredictionEngine<TextRow, EnsembleScoreRow> engine, int slots, double weight) : ScoringEngine
{
    private readonly float[] _combined = new float[slots];
    private EnsembleScoreRow _output = new();

    public override ReadOnlySpan<float> Score(string text, float[]? embedding)
    {
        Fill(text, embedding);
        engine.Predict(Input, ref _output);
        IntentModel.Combine(_output.MaxEntScore, _output.Score, weight, _combined);
        return _combined;
    }

    public override void Dispose() => engine.Dispose();
}

/// <summary>
/// An engine for a model with a fast first stage. <see cref="ScoreFast"/> scores with a zero sentence vector, which the
/// fast stage does not read; <see cref="Score"/> then scores again with the real vector when it is needed.
/// </summary>
internal sealed class CascadeScoringEngine(PredictionEngine<TextRow, CascadeScoreRow> engine, int embeddingWidth) : ScoringEngine
{
    private readonly float[] _zero = new float[embeddingWidth];
    private CascadeScoreRow _output = new();

    public override float[] ScoreFast(string text)
    {
        Fill(text, _zero);
        engine.Predict(Input, ref _output);
        return [.. _output.FastScore];
    }

    public override ReadOnlySpan<float> Score(string text, float[]? embedding)
    {
        Fill(text, embedding ?? _zero);
        engine.Predict(Input, ref _output);
        return _output.Score;
    }

    public override void Dispose() => engine.Dispose();
}
