using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>Trains the candidate model of a publish (or finds a reusable one), and cross-validates models.</summary>
internal sealed class CandidateTrainer(IntentModelTrainer trainer, FaqPublisherOptions options, TimeProvider timeProvider)
{
    /// <summary>Metrics of a model that has not been cross-validated yet (zero folds).</summary>
    private static readonly ModelMetrics NotCrossValidated = new(0, 0, 0, null, null, 0, 0);

    /// <summary>Trains the pipeline once on a tiny made-up dataset, so the first real publish does not pay for compiling the training code.</summary>
    public void WarmUp(CancellationToken cancellationToken)
    {
        string[] texts = ["how long does it take", "how much does it cost", "where do i park", "do you take insurance"];
        var examples = texts.SelectMany((t, i) => new[] { new LabeledText(t, "a" + (i % 2)), new LabeledText(t + " please", "a" + (i % 2)) }).ToList();
        trainer.Fit(examples, cancellationToken);
    }

    /// <summary>True when the version was trained with another pipeline than this code's (an upgrade): it is retrained through the gate.</summary>
    public bool PipelineChanged(ModelVersionStore store, string version)
    {
        try
        {
            return store.ReadMetadata(version).PipelineSignature != trainer.Options.Signature;
        }
        catch (IntentModelException)
        {
            return true;
        }
    }

    public PublishCandidate Build(ModelVersionStore store, PublishRun run, FaqDataset dataset, PublishedVersion? baseline, CancellationToken cancellationToken)
    {
        var signature = trainer.Options.Signature;
        var trainingHash = TrainingHash.Compute(dataset, signature);
        var now = timeProvider.GetUtcNow();
        if (FindReusable(store, run.Candidate!, trainingHash, signature, baseline) is { } reusable)
        {
            var metadata = reusable.Metadata with { DatasetHash = run.Candidate!, CreatedAt = now };
            run.Durations = run.Durations with { Train = run.Lap() };
            return new PublishCandidate(new IntentClassifier(reusable.Model, metadata), reusable.CrossValidated, reusable.File, trainingHash);
        }

        var examples = dataset.Examples.Select(e => new LabeledText(e.Text, e.Intent)).ToList();
        var vectors = Path.Combine(store.ModelFolder, IntentModelFiles.ExampleVectorsFileName);
        if (trainer.Embedder is { ExampleCount: 0 } embedder)
        {
            embedder.LoadExamples(vectors);
        }

        // Never for a pipeline upgrade of the current content: its folder is replaced, so it must pass the whole gate first.
        if (options.CrossValidateInBackground && baseline is not null && baseline.Version != run.Candidate)
        {
            // Fast path: serve as soon as the final model is trained, with the published thresholds (re-chosen by VerifyAsync).
            var fast = trainer.Fit(examples, cancellationToken);
            var seconds = run.Lap();
            run.Durations = run.Durations with { Train = seconds };
            SaveVectors(vectors);
            var published = baseline.Classifier.Metadata;
            var sameStages = published.PipelineSignature == signature;
            var metadata = Metadata(dataset, fast, examples.Count, published.Thresholds, sameStages ? published.FastThresholds : null, NotCrossValidated, now, seconds);
            return new PublishCandidate(new IntentClassifier(fast, metadata), false, null, trainingHash);
        }

        var (evaluation, _) = CrossValidate(examples, baseline?.Classifier.Metadata.Thresholds, cancellationToken);
        var cvSeconds = run.Lap();
        var model = trainer.Fit(examples, cancellationToken);
        var fitSeconds = run.Lap();
        run.Durations = run.Durations with { CrossValidate = cvSeconds, Train = fitSeconds };
        SaveVectors(vectors);
        var full = Metadata(dataset, model, examples.Count, evaluation.Thresholds, evaluation.FastThresholds, ModelMetrics.From(evaluation), now, cvSeconds + fitSeconds);
        return new PublishCandidate(new IntentClassifier(model, full), true, null, trainingHash);
    }

    /// <summary>Cross-validates; the thresholds are <paramref name="serving"/> while they still meet the targets, else re-chosen.</summary>
    public (EvaluationReport Report, bool KeptThresholds) CrossValidate(
        IReadOnlyList<LabeledText> examples, IntentThresholds? serving, CancellationToken cancellationToken)
    {
        var evaluator = new IntentModelEvaluator(trainer);
        var cv = evaluator.CrossValidate(examples, trainer.Options.Folds, null, cancellationToken);
        var (report, kept) = ThresholdHysteresis.Choose(cv, trainer.Options.Thresholds, options.KeepThresholdsWhileTargetsMet ? serving : null);
        return (EvaluationMetrics.Compute(cv, report.Thresholds, report.AnswerTargetMet, evaluator.FastThresholds(cv)), kept);
    }

    /// <summary>
    /// A model trained on exactly the candidate's examples with the same pipeline: the published one (only answers
    /// changed), a version folder of the same content (published before), or the working model in the model folder.
    /// </summary>
    private static Reusable? FindReusable(ModelVersionStore store, string candidate, string trainingHash, string signature, PublishedVersion? baseline)
    {
        if (baseline is not null && baseline.Info.TrainingHash == trainingHash && baseline.Classifier.Metadata.PipelineSignature == signature)
        {
            return new Reusable(baseline.Classifier.Model, baseline.Classifier.Metadata, baseline.Info.CrossValidated, ModelFile(store.VersionFolder(baseline.Version)));
        }

        try
        {
            if (store.Exists(candidate) && store.ReadInfo(candidate).TrainingHash == trainingHash)
            {
                var info = store.ReadInfo(candidate);
                var (model, metadata) = store.ReadModel(candidate);
                if (metadata.PipelineSignature == signature)
                {
                    return new Reusable(model, metadata, info.CrossValidated, ModelFile(store.VersionFolder(candidate)));
                }
            }

            var working = IntentModelFiles.ReadMetadata(store.ModelFolder);
            if (working.DatasetHash == candidate && working.PipelineSignature == signature && working.Metrics.Folds > 0)
            {
                var (model, metadata) = IntentModelFiles.Read(store.ModelFolder);
                return new Reusable(model, metadata, true, ModelFile(store.ModelFolder));
            }
        }
        catch (Exception ex) when (ex is IntentModelException or ModelVersionStoreException)
        {
            // Nothing reusable (missing or damaged): train instead.
        }

        return null;
    }

    /// <summary>Keeps the example vectors for the next process (a CLI publish, a restart); losing them only costs time.</summary>
    private void SaveVectors(string path)
    {
        try
        {
            trainer.Embedder?.SaveExamples(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next retrain encodes the examples again.
        }
    }

    private ModelMetadata Metadata(
        FaqDataset dataset, IntentModel model, int exampleCount, IntentThresholds thresholds, IntentThresholds? fastThresholds, ModelMetrics metrics, DateTimeOffset now, double seconds) => new()
    {
        Encoder = model.Embedder?.Encoder.Identity,
        FastThresholds = model.HasFastStage ? fastThresholds : null,
        DatasetHash = dataset.ContentHash,
        PipelineSignature = trainer.Options.Signature,
        CreatedAt = now,
        Intents = model.Labels,
        ExampleCount = exampleCount,
        Thresholds = thresholds,
        Metrics = metrics,
        MlNetVersion = IntentModelTrainer.MlNetVersion,
        EnsembleWeight = model.IsEnsemble ? trainer.Options.EnsembleWeight : null,
        TrainingSeconds = Math.Round(seconds, 2),
    };

    private static string ModelFile(string folder) => Path.Combine(folder, IntentModelFiles.ModelFileName);

    private sealed record Reusable(IntentModel Model, ModelMetadata Metadata, bool CrossValidated, string File);
}
