using Chatbot.Faq.Classification;
using Chatbot.Faq.Embeddings;
using Microsoft.Extensions.ObjectPool;

namespace Chatbot.Faq.Safety;

/// <summary>
/// The learned layer of the safety gate: an ML.NET maximum-entropy classifier over the same features as the intent
/// model (word and character n-grams plus the sentence vector), trained on <see cref="CrisisCorpus"/> with four labels
/// (crisis, emergency, poisoning, safe). Its thresholds are set for recall (docs/benchmarks.md, "Safety gate").
/// </summary>
/// <remarks>
/// The model's own n-gram stage scores a part when the encoder is saturated (degraded, with a lower threshold), so
/// overload never skips the layer. Thread-safe.
/// </remarks>
public sealed class SafetyModel : IDisposable
{
    /// <summary>The learned layer fires at or above this probability that a part is not safe.</summary>
    public const float Threshold = 0.30f;

    /// <summary>At or above this the learned layer is confident enough for the bot to start a hand-off as well.</summary>
    public const float ConfidentThreshold = 0.6f;

    /// <summary>The same for the n-gram stage alone, when the encoder is saturated (it is less sure, so it fires earlier).</summary>
    public const float DegradedThreshold = 0.20f;

    private static readonly TimeSpan EncoderWait = TimeSpan.FromMilliseconds(500);

    // One trained model per (corpus, clinic questions, encoder) per process: hosts started side by side (tests, a CLI
    // command after a publish) share it instead of training it again.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IntentModel>> Trained = new(StringComparer.Ordinal);
    private readonly ObjectPool<ScoringEngine> _engines;
    private readonly int _safe;
    private readonly int[] _risks;

    private SafetyModel(IntentModel model, string corpusHash)
    {
        Model = model;
        CorpusHash = corpusHash;
        _safe = IndexOf(model, CrisisCorpus.Safe);
        _risks = [IndexOf(model, CrisisCorpus.Crisis), IndexOf(model, CrisisCorpus.Poisoning), IndexOf(model, CrisisCorpus.Emergency)];
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Math.Max(4, Environment.ProcessorCount * 2) }
            .Create(new EnginePolicy(model));
    }

    /// <summary>The trained model.</summary>
    public IntentModel Model { get; }

    /// <summary>The corpus it was trained on.</summary>
    public string CorpusHash { get; }

    /// <summary>The pipeline: the intent model's features and learner, with its n-gram stage kept for overload.</summary>
    public static IntentModelOptions PipelineOptions { get; } = new() { Encoder = IntentEncoder.MiniLM, FastStage = true, Folds = 5 };

    /// <summary>
    /// Loads the model saved in <paramref name="folder"/> when it was trained on this corpus with this pipeline and
    /// encoder; otherwise trains it (10–40 s) and saves it there. A null folder trains in memory.
    /// </summary>
    /// <param name="folder">Where the trained model is kept between starts, or null.</param>
    /// <param name="embedder">The sentence embedder.</param>
    /// <param name="timeProvider">The clock of the model's metadata.</param>
    /// <param name="clinicQuestions">
    /// The FAQ's example questions, added to the safe class: the questions patients really ask here are the look-alikes
    /// that matter most. Questions the rules flag (about suicidal depression, say) are left out. A saved model is reused
    /// when only these changed: they are negatives, and a few stale ones cost nothing.
    /// </param>
    /// <param name="corpus">The corpus; the embedded one when null.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    public static SafetyModel LoadOrTrain(
        string? folder,
        SentenceEmbedder embedder,
        TimeProvider timeProvider,
        IEnumerable<string>? clinicQuestions = null,
        CrisisCorpus? corpus = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(timeProvider);
        corpus ??= CrisisCorpus.Embedded;
        if (folder is not null)
        {
            try
            {
                var metadata = IntentModelFiles.ReadMetadata(folder);
                if (metadata.DatasetHash == corpus.Hash && metadata.PipelineSignature == PipelineOptions.Signature)
                {
                    var (model, _) = IntentModelFiles.Read(folder, embedder);
                    return new SafetyModel(model, corpus.Hash);
                }
            }
            catch (IntentModelException)
            {
                // Missing, damaged or trained with another encoder: train below.
            }
        }

        var examples = TrainingExamples(corpus, clinicQuestions);
        var key = string.Join('|', corpus.Hash, embedder.Encoder.Identity, PipelineOptions.Signature, Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', examples.Select(e => e.Label + ":" + e.Text))))));
        var lazy = Trained.GetOrAdd(key, _ => new Lazy<IntentModel>(() => new IntentModelTrainer(PipelineOptions, embedder).Fit(examples, cancellationToken)));
        IntentModel trained;
        try
        {
            trained = lazy.Value;
        }
        catch
        {
            Trained.TryRemove(key, out _);
            throw;
        }

        if (folder is not null)
        {
            try
            {
                IntentModelFiles.Write(folder, trained, new ModelMetadata
                {
                    DatasetHash = corpus.Hash,
                    PipelineSignature = PipelineOptions.Signature,
                    CreatedAt = timeProvider.GetUtcNow(),
                    Intents = trained.Labels,
                    ExampleCount = examples.Count,
                    Thresholds = new IntentThresholds(Threshold, DegradedThreshold),
                    Metrics = new ModelMetrics(0, 0, 0, null, null, 0, 0),
                    MlNetVersion = IntentModelTrainer.MlNetVersion,
                    Encoder = embedder.Encoder.Identity,
                });
            }
            catch (IOException)
            {
                // Not saved: the next start trains again. The gate works either way.
            }
        }

        return new SafetyModel(trained, corpus.Hash);
    }

    /// <summary>The corpus plus the clinic's own questions as safe examples (see <see cref="LoadOrTrain"/>).</summary>
    public static IReadOnlyList<LabeledText> TrainingExamples(CrisisCorpus corpus, IEnumerable<string>? clinicQuestions)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var rules = new SafetyRules();
        var examples = corpus.TrainingExamples.ToList();
        var seen = new HashSet<string>(examples.Select(e => e.Text), StringComparer.OrdinalIgnoreCase);
        foreach (var question in clinicQuestions ?? [])
        {
            if (!string.IsNullOrWhiteSpace(question) && rules.Assess(question).Risk == SafetyRisk.None && seen.Add(question))
            {
                examples.Add(new LabeledText(question, CrisisCorpus.Safe));
            }
        }

        return examples;
    }

    /// <summary>Scores one part of a message.</summary>
    public SafetyModelScore Score(string part)
    {
        var text = Emoji.Words(part ?? string.Empty);
        if (text.Length > IntentClassifier.MaxInputLength)
        {
            text = text[..IntentClassifier.MaxInputLength];
        }

        var degraded = !Model.Embedder!.TryEmbed(text, EncoderWait, out var vector);
        var engine = _engines.Get();
        try
        {
            ReadOnlySpan<float> scores = degraded ? engine.ScoreFast(text) : engine.Score(text, vector);
            var risk = 1f - scores[_safe];
            var best = _risks[0];
            foreach (var i in _risks)
            {
                best = scores[i] > scores[best] ? i : best;
            }

            var label = Model.Labels[best];
            return new SafetyModelScore(
                label == CrisisCorpus.Crisis ? SafetyRisk.Crisis : label == CrisisCorpus.Poisoning ? SafetyRisk.Poisoning : SafetyRisk.MedicalEmergency,
                risk,
                degraded,
                risk >= (degraded ? DegradedThreshold : Threshold));
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    /// <summary>Disposes the pooled engines.</summary>
    public void Dispose() => (_engines as IDisposable)?.Dispose();

    private static int IndexOf(IntentModel model, string label)
    {
        var index = model.Labels.ToList().IndexOf(label);
        return index >= 0 ? index : throw new InvalidDataException($"the safety model has no '{label}' label");
    }

    private sealed class EnginePolicy(IntentModel model) : PooledObjectPolicy<ScoringEngine>
    {
        public override ScoringEngine Create() => model.CreateEngine();

        public override bool Return(ScoringEngine obj) => true;
    }
}

/// <summary>The learned layer's view of one part of a message.</summary>
/// <param name="Risk">The most likely risk, if it is one.</param>
/// <param name="Probability">Probability that the part is not safe.</param>
/// <param name="Degraded">True when the n-gram stage scored alone (encoder saturated).</param>
/// <param name="Fires">True at or above the threshold in force.</param>
public readonly record struct SafetyModelScore(SafetyRisk Risk, float Probability, bool Degraded, bool Fires);
