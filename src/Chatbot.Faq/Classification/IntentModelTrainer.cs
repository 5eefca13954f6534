using System.Diagnostics;
using System.Reflection;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Embeddings;
using Microsoft.ML;

namespace Chatbot.Faq.Classification;

/// <summary>Trains intent models with the pipeline of <see cref="IntentModelOptions"/>.</summary>
/// <param name="options">The pipeline settings; the product defaults when null.</param>
/// <param name="embedder">
/// The sentence embedder when <see cref="IntentModelOptions.Encoder"/> is not <see cref="IntentEncoder.None"/>; the
/// process-wide <see cref="SentenceEmbedder.Shared"/> when null.
/// </param>
public sealed class IntentModelTrainer(IntentModelOptions? options = null, SentenceEmbedder? embedder = null)
{
    /// <summary>The pipeline settings.</summary>
    public IntentModelOptions Options { get; } = options ?? new IntentModelOptions();

    /// <summary>The embedder the models use (null for n-gram-only models). Loaded on first use.</summary>
    public SentenceEmbedder? Embedder => Options.Encoder == IntentEncoder.None ? null : embedder ?? SentenceEmbedder.Shared;

    /// <summary>Fits one model on <paramref name="examples"/> (no cross-validation, no thresholds).</summary>
    /// <exception cref="ArgumentException">There are fewer than two distinct intents.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public IntentModel Fit(IReadOnlyList<LabeledText> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Take(2).Count() < 2)
        {
            throw new ArgumentException("Training needs examples of at least two intents.", nameof(examples));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var ml = new MLContext(Options.Seed);
        var embedder = Embedder;

        // Encoded once, before the trainer: inside the estimator chain the encoder would run on every L-BFGS pass.
        var vectors = embedder?.EmbedExamples(examples.Select(e => e.Text).ToList(), cancellationToken);
        var rows = examples.Select((e, i) => new LabeledRow { Text = e.Text, Label = e.Label, Embedding = vectors?[i] ?? [] }).ToArray();
        if (Options.BalanceClasses)
        {
            // Weight = N / (K * n_class): each intent carries the same total weight, and the mean weight stays 1.
            var counts = rows.GroupBy(r => r.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var row in rows)
            {
                row.Weight = (float)rows.Length / (counts.Count * counts[row.Label]);
            }
        }

        var width = embedder?.Encoder.Dimensions ?? 0;
        var data = ml.Data.LoadFromEnumerable(rows, RowSchemas.For<LabeledRow>(width));
        var labeled = IntentPipeline.LabelMap(ml).Fit(data).Transform(data);
        var pipeline = IntentPipeline.Featurizer(ml, Options, withEmbedding: embedder is not null).AppendCacheCheckpoint(ml);
        if (embedder is not null)
        {
            pipeline = pipeline.Append(IntentPipeline.WithEmbedding(ml, Options, Options.FastStage));
        }

        var transformer = pipeline.Append(IntentPipeline.Learners(ml, Options)).Fit(labeled);
        cancellationToken.ThrowIfCancellationRequested();
        return IntentModel.Create(ml, transformer, Options.EnsembleWeight, embedder);
    }

    /// <summary>
    /// Trains the product model on a dataset: stratified k-fold cross-validation (for the metrics and the thresholds),
    /// then one model on all examples.
    /// </summary>
    /// <param name="dataset">The dataset; validate it first, training does not.</param>
    /// <param name="timeProvider">The clock for <see cref="ModelMetadata.CreatedAt"/>.</param>
    /// <param name="progress">Receives progress, if given.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    public TrainedIntentModel Train(
        FaqDataset dataset,
        TimeProvider timeProvider,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var stopwatch = Stopwatch.StartNew();
        var examples = dataset.Examples.Select(e => new LabeledText(e.Text, e.Intent)).ToList();
        var total = Options.Folds + 1;
        var report = new IntentModelEvaluator(this).Evaluate(examples, Options.Folds, progress, total, cancellationToken);

        progress?.Report(new TrainingProgress("final model", Options.Folds, total));
        var model = Fit(examples, cancellationToken);
        progress?.Report(new TrainingProgress("done", total, total));

        var metadata = new ModelMetadata
        {
            DatasetHash = dataset.ContentHash,
            PipelineSignature = Options.Signature,
            CreatedAt = timeProvider.GetUtcNow(),
            Intents = model.Labels,
            ExampleCount = examples.Count,
            Thresholds = report.Thresholds,
            Metrics = ModelMetrics.From(report),
            MlNetVersion = MlNetVersion,
            EnsembleWeight = model.IsEnsemble ? Options.EnsembleWeight : null,
            Encoder = model.Embedder?.Encoder.Identity,
            FastThresholds = report.FastThresholds,
            TrainingSeconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 2),
        };
        return new TrainedIntentModel(model, metadata, report);
    }

    /// <summary>The Microsoft.ML version in use.</summary>
    public static string MlNetVersion { get; } =
        typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(MLContext).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
