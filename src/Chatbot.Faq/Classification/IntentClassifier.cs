using Microsoft.Extensions.ObjectPool;

namespace Chatbot.Faq.Classification;

/// <summary>The ML.NET intent classifier. Thread-safe: each call borrows a pooled prediction engine.</summary>
public sealed class IntentClassifier : IIntentClassifier, IDisposable
{
    /// <summary>Longer questions are cut to this many characters before featurizing.</summary>
    public const int MaxInputLength = 1000;

    private const int TopCount = 3;
    private readonly ObjectPool<ScoringEngine> _pool;
    private readonly IntentPrediction _empty;

    /// <summary>
    /// How long a message waits for a free encoder slot before the fast stage decides alone: under overload the bot
    /// degrades to the n-gram decision (fallback or "Did you mean" rather than a guess) instead of queueing without bound.
    /// </summary>
    public static readonly TimeSpan DefaultEncoderWait = TimeSpan.FromMilliseconds(250);

    private readonly TimeSpan _encoderWait;

    /// <summary>Wraps a trained model and its metadata.</summary>
    /// <param name="model">The model.</param>
    /// <param name="metadata">Its metadata (thresholds of both stages).</param>
    /// <param name="encoderWait">See <see cref="DefaultEncoderWait"/>.</param>
    public IntentClassifier(IntentModel model, ModelMetadata metadata, TimeSpan? encoderWait = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        Model = model;
        Metadata = metadata;
        _encoderWait = encoderWait ?? DefaultEncoderWait;
        var provider = new DefaultObjectPoolProvider { MaximumRetained = Math.Max(4, Environment.ProcessorCount * 2) };
        _pool = provider.Create(new EnginePolicy(model));
        _empty = new IntentPrediction([], IsOutOfScope: true, metadata.Thresholds, metadata.DatasetHash);
    }

    /// <summary>The model.</summary>
    public IntentModel Model { get; }

    /// <summary>The model's metadata (<c>model.json</c>).</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The model's thresholds.</summary>
    public IntentThresholds Thresholds => Metadata.Thresholds;

    /// <summary>The model version (the dataset hash it was trained on).</summary>
    public string ModelVersion => Metadata.DatasetHash;

    /// <summary>Loads <c>model.zip</c> + <c>model.json</c> from a folder.</summary>
    /// <exception cref="IntentModelException">The files are missing, truncated or damaged.</exception>
    public static IntentClassifier Load(string modelFolder)
    {
        var (model, metadata) = IntentModelFiles.Read(modelFolder);
        return new IntentClassifier(model, metadata);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Null, empty or whitespace text is out of scope with no intents. Text longer than <see cref="MaxInputLength"/> is cut.
    /// The prediction is out of scope when the best intent is <c>out_of_scope</c> or scores below the clarify threshold.
    /// </remarks>
    public IntentPrediction Classify(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return _empty;
        }

        var input = Truncate(text);
        if (Model.Embedder is not { } embedder)
        {
            return Predict(input, null, Metadata.Thresholds, ClassifierStage.Full);
        }

        IntentPrediction? fast = null;
        if (Model.HasFastStage && Metadata.FastThresholds is { } fastThresholds)
        {
            // Stage 1: the n-grams alone. A confident answer here costs no encoding (about 0.05 ms instead of 5–12).
            fast = Predict(input, null, fastThresholds, ClassifierStage.Fast);
            if (!fast.IsOutOfScope && fast.Best.Score >= fastThresholds.Answer)
            {
                return fast;
            }
        }

        if (embedder.TryEmbed(input, _encoderWait, out var vector))
        {
            return Predict(input, vector, Metadata.Thresholds, ClassifierStage.Full);
        }

        // Overloaded: the fast stage's own decision (below its answer threshold it clarifies or falls back), never a queue.
        return fast is null
            ? _empty with { Stage = ClassifierStage.Degraded }
            : fast with { Stage = ClassifierStage.Degraded };
    }

    private IntentPrediction Predict(string input, float[]? vector, IntentThresholds thresholds, ClassifierStage stage)
    {
        var engine = _pool.Get();
        IntentScore[] top;
        try
        {
            ReadOnlySpan<float> scores = stage == ClassifierStage.Fast ? engine.ScoreFast(input) : engine.Score(input, vector);
            Span<int> best = stackalloc int[TopCount];
            var count = ScoreMath.Top(scores, best);
            top = new IntentScore[count];
            for (var i = 0; i < count; i++)
            {
                top[i] = new IntentScore(Model.Labels[best[i]], scores[best[i]]);
            }
        }
        finally
        {
            _pool.Return(engine);
        }

        var outOfScope = top.Length == 0
            || top[0].Intent == Dataset.FaqEntry.OutOfScopeId
            || top[0].Score < thresholds.Clarify;
        return new IntentPrediction(top, outOfScope, thresholds, Metadata.DatasetHash, stage);
    }

    /// <summary>Disposes the pooled engines.</summary>
    public void Dispose() => (_pool as IDisposable)?.Dispose();

    private static string Truncate(string text)
    {
        if (text.Length <= MaxInputLength)
        {
            return text;
        }

        // Do not split a surrogate pair (emoji and some scripts use two chars).
        var length = char.IsHighSurrogate(text[MaxInputLength - 1]) ? MaxInputLength - 1 : MaxInputLength;
        return text[..length];
    }

    private sealed class EnginePolicy(IntentModel model) : PooledObjectPolicy<ScoringEngine>
    {
        public override ScoringEngine Create() => model.CreateEngine();

        public override bool Return(ScoringEngine obj) => true;
    }
}
