using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>Loading published versions, with a small cache so a swap or a rollback does not reload what is in memory.</summary>
public sealed partial class FaqPublisher
{
    private const int CacheSize = 4;
    private readonly Lock _cacheLock = new();
    private readonly List<(string Folder, PublishedVersion Version)> _cache = [];

    /// <summary>Loads the current version of a model folder (from its own data snapshot, never the live data folder).</summary>
    /// <returns>The version, or null when nothing was published yet.</returns>
    /// <exception cref="ModelVersionStoreException"><c>published.json</c> or the version's files cannot be read.</exception>
    /// <exception cref="IntentModelException">The version's model is missing or damaged.</exception>
    public PublishedVersion? LoadCurrent(string modelFolder)
    {
        var store = OpenStore(modelFolder);
        return store.ReadState()?.Current is { } current ? Load(store, current) : null;
    }

    private PublishedVersion? TryLoad(ModelVersionStore store, string version, out string? problem)
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

    private PublishedVersion Load(ModelVersionStore store, string version)
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

    private PublishedVersion? Cached(ModelVersionStore store, string version)
    {
        lock (_cacheLock)
        {
            return _cache.LastOrDefault(c => c.Folder == store.ModelFolder && c.Version.Version == version).Version;
        }
    }

    private PublishedVersion Remember(ModelVersionStore store, PublishedVersion version)
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
}
