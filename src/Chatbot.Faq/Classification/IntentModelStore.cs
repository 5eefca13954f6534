using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Classification;

/// <summary>Keeps the trained model in step with the data: loads it, or trains it when missing, damaged or stale.</summary>
/// <param name="timeProvider">The clock (review dates, model timestamps).</param>
/// <param name="modelOptions">The pipeline; the product defaults when null.</param>
/// <param name="rules">The validation limits; the defaults when null.</param>
public sealed class IntentModelStore(TimeProvider timeProvider, IntentModelOptions? modelOptions = null, FaqValidationRules? rules = null)
{
    private readonly IntentModelTrainer _trainer = new(modelOptions);

    /// <summary>
    /// Loads the model in <paramref name="modelFolder"/> if it was trained from the current content of
    /// <paramref name="dataFolder"/> with the current pipeline; otherwise trains and saves a new one.
    /// </summary>
    /// <remarks>
    /// A missing, truncated or damaged model is never fatal: the reason goes into <see cref="IntentModelLoadResult.Reason"/>
    /// and the model is retrained. When the data has validation errors, the previous model (if loadable) is kept.
    /// </remarks>
    /// <exception cref="FaqDatasetInvalidException">The data has errors and there is no usable previous model.</exception>
    public IntentModelLoadResult LoadOrTrain(
        string dataFolder,
        string modelFolder,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var dataset = new FaqDatasetLoader().Load(dataFolder);
        var issues = new FaqDatasetValidator(timeProvider, rules).Validate(dataset);
        var catalog = new FaqCatalog(dataset.Entries);

        IntentClassifier? existing = null;
        string reason;
        try
        {
            existing = IntentClassifier.Load(modelFolder);
            var m = existing.Metadata;
            if (m.DatasetHash == dataset.ContentHash && m.PipelineSignature == _trainer.Options.Signature)
            {
                var upToDate = issues.Any(i => i.IsError)
                    ? "The model is up to date with the readable data, but the data has errors (run 'chatbot validate')."
                    : "The model is up to date with the data.";
                return new IntentModelLoadResult(existing, dataset, catalog, issues, false, upToDate, null);
            }

            reason = m.DatasetHash != dataset.ContentHash
                ? "The FAQ data changed since the model was trained."
                : "The training pipeline changed since the model was trained.";
        }
        catch (IntentModelException ex)
        {
            reason = ex.Problem == ModelProblem.Missing
                ? $"No trained model yet: {ex.Message}"
                : $"The saved model was unusable and was replaced: {ex.Message}";
        }

        if (issues.Any(i => i.IsError))
        {
            if (existing is not null)
            {
                return new IntentModelLoadResult(
                    existing, dataset, catalog, issues, false, $"{reason} The data has errors, so the previous model is kept.", null);
            }

            throw new FaqDatasetInvalidException(issues);
        }

        existing?.Dispose();
        var trained = Train(dataset, modelFolder, progress, cancellationToken);
        var classifier = new IntentClassifier(trained.Model, trained.Metadata);
        return new IntentModelLoadResult(classifier, dataset, catalog, issues, true, reason, trained);
    }

    /// <summary>Trains on a (validated) dataset and saves the model to <paramref name="modelFolder"/>.</summary>
    /// <returns>The training result; its metadata includes the saved file's hash and size.</returns>
    public TrainedIntentModel Train(
        FaqDataset dataset,
        string modelFolder,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var vectors = Path.Combine(modelFolder, IntentModelFiles.ExampleVectorsFileName);
        _trainer.Embedder?.LoadExamples(vectors);
        var trained = _trainer.Train(dataset, timeProvider, progress, cancellationToken);
        var written = IntentModelFiles.Write(modelFolder, trained.Model, trained.Metadata);
        _trainer.Embedder?.SaveExamples(vectors);
        return trained with { Metadata = written };
    }

    /// <summary>The pipeline settings.</summary>
    public IntentModelOptions ModelOptions => _trainer.Options;
}
