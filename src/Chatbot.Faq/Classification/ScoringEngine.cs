using Microsoft.ML;

namespace Chatbot.Faq.Classification;

/// <summary>One <see cref="PredictionEngine{TSrc, TDst}"/> with its reusable rows. Not thread-safe: pooled.</summary>
internal abstract class ScoringEngine : IDisposable
{
    protected TextRow Input { get; } = new();

    /// <summary>Scores one text; the returned span is valid until the next call on this engine.</summary>
    public abstract ReadOnlySpan<float> Score(string text);

    public abstract void Dispose();
}

internal sealed class SingleScoringEngine(PredictionEngine<TextRow, ScoreRow> engine) : ScoringEngine
{
    private ScoreRow _output = new();

    public override ReadOnlySpan<float> Score(string text)
    {
        Input.Text = text;
        engine.Predict(Input, ref _output);
        return _output.Score;
    }

    public override void Dispose() => engine.Dispose();
}

internal sealed class EnsembleScoringEngine(PredictionEngine<TextRow, EnsembleScoreRow> engine, int slots, double weight) : ScoringEngine
{
    private readonly float[] _combined = new float[slots];
    private EnsembleScoreRow _output = new();

    public override ReadOnlySpan<float> Score(string text)
    {
        Input.Text = text;
        engine.Predict(Input, ref _output);
        IntentModel.Combine(_output.MaxEntScore, _output.Score, weight, _combined);
        return _combined;
    }

    public override void Dispose() => engine.Dispose();
}
