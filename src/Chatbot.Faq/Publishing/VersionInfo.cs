namespace Chatbot.Faq.Publishing;

/// <summary>The content of <c>version.json</c> in a published version's folder: who published it, how, and how good it is.</summary>
public sealed record VersionInfo
{
    /// <summary>The version id: the content hash of the FAQ entries (<see cref="Dataset.FaqDataset.ContentHash"/>).</summary>
    public required string Version { get; init; }

    /// <summary>Hash of the training examples and the pipeline: equal hashes mean the same model, so it can be reused.</summary>
    public required string TrainingHash { get; init; }

    /// <summary>When it was first published.</summary>
    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>Who published it.</summary>
    public required string PublishedBy { get; init; }

    /// <summary>What triggered the publish.</summary>
    public required PublishTrigger Trigger { get; init; }

    /// <summary>Name of the sub-folder holding the snapshot of the data folder (its original name, e.g. <c>faq-data</c>).</summary>
    public required string DataFolderName { get; init; }

    /// <summary>False while the background cross-validation of a fast publish has not finished.</summary>
    public bool CrossValidated { get; init; }

    /// <summary>The version that was current when this one was published (the baseline of its gate), if any.</summary>
    public string? BaselineVersion { get; init; }

    /// <summary>The figures at publish time (updated by the background cross-validation).</summary>
    public PublishMetrics? Metrics { get; init; }
}
