using System.Diagnostics;
using System.Reflection;
using Chatbot.Faq.Dataset;
using Microsoft.ML;

namespace Chatbot.Faq.Classification;

/// <summary>Trains intent models with the pipeline of <see cref="IntentModelOptions"/>.</summary>
/// <param name="options">The pipeline settings; the product defaults when null.</param>
public sealed class IntentModelTrainer(IntentModelOptions? options = null)
{
    /// <summary>The pipeline settings.</summary>
    public IntentModelOptions Options { get; } = options ?? new IntentModelOptions();

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
        var rows = examples.Select(e => new LabeledRow { Text = e.Text, Label = e.Label }).ToArray();
        if (Options.BalanceClasses)
        {
            // Weight = N / (K * n_class): each intent carries the same total weight, and the mean weight stays 1.
            var counts = rows.GroupBy(r => r.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var row in rows)
            {
                row.Weight = (float)rows.Length / (counts.Count * counts[row.Label]);
            }
        }

        var data = ml.Data.LoadFromEnumerable(rows);
        var labeled = IntentPipeline.LabelMap(ml).Fit(data).Transform(data);
        var pipeline = IntentPipeline.Featurizer(ml, Options)
            .AppendCacheCheckpoint(ml)
            .Append(IntentPipeline.Learners(ml, Options));
        var transformer = pipeline.Fit(labeled);
        cancellationToken.ThrowIfCancellationRequested();
        return IntentModel.Create(ml, transformer, Options.EnsembleWeight);
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
