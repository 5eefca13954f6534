using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>Loads published versions, with a small cache so a swap or a rollback does not reload what is in memory.</summary>
internal sealed class PublishedVersionLoader
{
    private const int CacheSize = 4;
    private readonly Lock _cacheLock = new();
    private readonly List<(string Folder, PublishedVersion Version)> _cache = [];

    /// <summary>The version, or null with the reason when it is missing or damaged.</summary>
    public PublishedVersion? TryLoad(ModelVersionStore store, string version, out string? problem)
    {
        try
        {
            problem = null;
            return Load(store, version);
        }
        catch (Exception ex) when (ex is ModelVersionStoreException or IntentModelException)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <exception cref="ModelVersionStoreException">The version's files cannot be read, or its answers are damaged.</exception>
    /// <exception cref="IntentModelException">The version's model is missing or damaged.</exception>
    public PublishedVersion Load(ModelVersionStore store, string version)
    {
        var metadata = store.ReadMetadata(version);
        var info = store.ReadInfo(version);
        var cached = Cached(store, version);
        if (cached is not null && metadata.ModelSha256.Length > 0 && cached.Classifier.Metadata.ModelSha256 == metadata.ModelSha256)
        {
            var old = cached.Classifier.Metadata;
            var classifier = old.Thresholds == metadata.Thresholds && old.Metrics == metadata.Metrics && old.DatasetHash == metadata.DatasetHash
                ? cached.Classifier
                : new IntentClassifier(cached.Classifier.Model, metadata);
            return Remember(store, cached with { Classifier = classifier, Info = info });
        }

        var (model, read) = store.ReadModel(version);
        var dataset = new FaqDatasetLoader().Load(store.DataFolderOf(version, info));
        if (dataset.ContentHash != version)
        {
            throw new ModelVersionStoreException(
                $"The saved answers of version {PublishReport.Short(version)} are damaged (their content no longer matches the version), so it cannot be served.",
                isDiskFull: false);
        }

        return Remember(store, new PublishedVersion(version, new FaqCatalog(dataset.Entries), new IntentClassifier(model, read), info));
    }

    /// <summary>Keeps a version that was just saved or updated, so serving it next does not read it back from disk.</summary>
    public PublishedVersion Remember(ModelVersionStore store, PublishedVersion version)
    {
        lock (_cacheLock)
        {
            _cache.RemoveAll(c => c.Folder == store.ModelFolder && c.Version.Version == version.Version);
            _cache.Add((store.ModelFolder, version));
            if (_cache.Count > CacheSize)
            {
                _cache.RemoveAt(0);
            }
        }

        return version;
    }

    private PublishedVersion? Cached(ModelVersionStore store, string version)
    {
        lock (_cacheLock)
        {
            return _cache.LastOrDefault(c => c.Folder == store.ModelFolder && c.Version.Version == version).Version;
        }
    }
}
