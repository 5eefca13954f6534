using Chatbot.Faq.Classification;
using Newtonsoft.Json;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// The published versions of the FAQ under a model folder:
/// <c>versions/&lt;version&gt;/</c> (<c>model.zip</c>, <c>model.json</c>, <c>version.json</c> and a snapshot of the data
/// folder), <c>published.json</c> (which versions were published, current last) and <c>publish-history.jsonl</c>.
/// </summary>
/// <remarks>
/// Every write goes to a temporary file or folder first and is renamed into place, so a reader sees the old state or
/// the new one, never half of one. A failure (a full disk, say) throws <see cref="ModelVersionStoreException"/> and
/// leaves every published version and <c>published.json</c> as they were. The model folder's root <c>model.zip</c>
/// (the working model of <c>chatbot train</c>) is never touched. Not thread-safe on its own: take <see cref="AcquireLock"/>
/// around a read-modify-write; the lock also holds off other processes (the CLI and the bot).
/// </remarks>
public sealed class ModelVersionStore
{
    /// <summary>The sub-folder holding the versions.</summary>
    public const string VersionsFolderName = "versions";

    /// <summary>The file naming the published versions.</summary>
    public const string StateFileName = "published.json";

    /// <summary>The file describing one version.</summary>
    public const string VersionInfoFileName = "version.json";

    /// <summary>The lock file: held (exclusively) by whoever publishes, verifies or rolls back.</summary>
    public const string LockFileName = ".publish.lock";

    /// <summary>The publish history, one <see cref="PublishReport"/> per line.</summary>
    public const string HistoryFileName = "publish-history.jsonl";

    /// <summary>Hidden folders older than this belong to a crashed process and are deleted.</summary>
    private static readonly TimeSpan AbandonedDraftAge = TimeSpan.FromHours(1);

    private readonly VersionStoreFiles _files;
    private readonly VersionDraftWriter _drafts;
    private readonly PublishHistoryFile _history;

    /// <summary>Opens (without creating anything yet) the store of <paramref name="modelFolder"/>.</summary>
    /// <param name="modelFolder">The model folder (e.g. <c>models</c>).</param>
    /// <param name="fileSystem">The file writes; the real file system when null.</param>
    /// <param name="keepVersions">How many published versions to keep for rollback (older ones are deleted).</param>
    public ModelVersionStore(string modelFolder, IVersionStoreFileSystem? fileSystem = null, int keepVersions = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(keepVersions, 2);
        ModelFolder = Path.GetFullPath(modelFolder);
        KeepVersions = keepVersions;
        var files = fileSystem ?? PhysicalVersionStoreFileSystem.Instance;
        _files = new VersionStoreFiles(files);
        _drafts = new VersionDraftWriter(this, files, _files);
        _history = new PublishHistoryFile(ModelFolder);
    }

    /// <summary>The model folder.</summary>
    public string ModelFolder { get; }

    /// <summary>How many published versions are kept.</summary>
    public int KeepVersions { get; }

    /// <summary>The folder of the versions.</summary>
    public string VersionsFolder => Path.Combine(ModelFolder, VersionsFolderName);

    /// <summary>The path of <c>published.json</c>.</summary>
    public string StatePath => Path.Combine(ModelFolder, StateFileName);

    /// <summary>The folder of one version.</summary>
    public string VersionFolder(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (version.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            throw new ArgumentException($"'{version}' is not a version id.", nameof(version));
        }

        return Path.Combine(VersionsFolder, version);
    }

    /// <summary>Reads <c>published.json</c>.</summary>
    /// <returns>The state, or null when nothing was published yet.</returns>
    /// <exception cref="ModelVersionStoreException">The file exists but cannot be read.</exception>
    public PublishedState? ReadState() => VersionStoreFiles.ReadJson<PublishedState>(StatePath, "the list of published versions");

    /// <summary>Reads a version's <c>version.json</c>.</summary>
    /// <exception cref="ModelVersionStoreException">The version does not exist or its description cannot be read.</exception>
    public VersionInfo ReadInfo(string version) =>
        VersionStoreFiles.ReadJson<VersionInfo>(Path.Combine(VersionFolder(version), VersionInfoFileName), $"the description of version {PublishReport.Short(version)}")
        ?? throw new ModelVersionStoreException($"Version {PublishReport.Short(version)} is not in {VersionsFolder}.", isDiskFull: false);

    /// <summary>True when the version's folder exists.</summary>
    public bool Exists(string version) => Directory.Exists(VersionFolder(version));

    /// <summary>Reads a version's model and metadata, checking the model file against its recorded hash.</summary>
    /// <exception cref="IntentModelException">The model files are missing or damaged.</exception>
    public (IntentModel Model, ModelMetadata Metadata) ReadModel(string version) => IntentModelFiles.Read(VersionFolder(version));

    /// <summary>Reads only a version's model metadata.</summary>
    /// <exception cref="IntentModelException">The metadata is missing or damaged.</exception>
    public ModelMetadata ReadMetadata(string version) => IntentModelFiles.ReadMetadata(VersionFolder(version));

    /// <summary>The snapshot of the data folder a version was published from.</summary>
    public string DataFolderOf(string version, VersionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return Path.Combine(VersionFolder(version), info.DataFolderName);
    }

    /// <summary>Makes <paramref name="version"/> (already committed) the current version.</summary>
    /// <returns>The new state.</returns>
    public PublishedState SetCurrent(string version, string user, DateTimeOffset now)
    {
        if (!Exists(version))
        {
            throw new ModelVersionStoreException($"Version {PublishReport.Short(version)} was not saved, so it cannot be published.", isDiskFull: false);
        }

        var state = ReadState() ?? new PublishedState();

        // Re-publishing the current version (retrained after a pipeline change) does not add a rollback step.
        var versions = (state.Current == version ? state.Versions : state.Versions.Append(version)).ToList();
        if (versions.Count > KeepVersions)
        {
            versions.RemoveRange(0, versions.Count - KeepVersions);
        }

        var next = state with
        {
            Versions = versions,
            Withdrawn = state.Withdrawn.Where(v => v != version).ToList(),
            Revision = state.Revision + 1,
            UpdatedAt = now,
            UpdatedBy = user,
        };
        WriteState(next);
        Prune(next);
        return next;
    }

    /// <summary>Removes the current version from the list, making the previous one current, and marks it withdrawn.</summary>
    /// <returns>The new state.</returns>
    /// <exception cref="ModelVersionStoreException">There is no previous version, or the state cannot be written.</exception>
    public PublishedState Rollback(string user, DateTimeOffset now)
    {
        var state = ReadState();
        if (state?.Previous is null)
        {
            throw new ModelVersionStoreException("There is no earlier published version to roll back to.", isDiskFull: false);
        }

        var next = state with
        {
            Versions = state.Versions.Take(state.Versions.Count - 1).ToList(),
            Withdrawn = state.Withdrawn.Where(v => v != state.Current).Append(state.Current!).TakeLast(KeepVersions).ToList(),
            Revision = state.Revision + 1,
            UpdatedAt = now,
            UpdatedBy = user,
        };
        WriteState(next);
        return next;
    }

    /// <summary>Rewrites a version's model metadata and description (after its cross-validation) and bumps the revision.</summary>
    public void UpdateVersion(string version, ModelMetadata metadata, VersionInfo info, string user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(info);
        var folder = VersionFolder(version);
        _files.WriteAtomically(Path.Combine(folder, IntentModelFiles.MetadataFileName), IntentModelFiles.ToJson(metadata), "the model description");
        _files.WriteAtomically(Path.Combine(folder, VersionInfoFileName), JsonConvert.SerializeObject(info, PublishingJson.Indented), "the version description");
        var state = ReadState() ?? new PublishedState();
        WriteState(state with { Revision = state.Revision + 1, UpdatedAt = now, UpdatedBy = user });
    }

    /// <inheritdoc cref="PublishLock.Acquire"/>
    public IDisposable AcquireLock(TimeSpan timeout, CancellationToken cancellationToken) =>
        PublishLock.Acquire(ModelFolder, VersionsFolder, timeout, cancellationToken);

    /// <inheritdoc cref="PublishHistoryFile.Append"/>
    public void AppendHistory(PublishReport report) => _history.Append(report);

    /// <inheritdoc cref="PublishHistoryFile.Read"/>
    public IReadOnlyList<PublishReport> ReadHistory(int count) => _history.Read(count);

    /// <inheritdoc cref="VersionDraftWriter.CreateDraft"/>
    public VersionDraft CreateDraft(string dataFolderName) => _drafts.CreateDraft(dataFolderName);

    /// <inheritdoc cref="VersionDraftWriter.CopyData"/>
    public void CopyData(string dataFolder, VersionDraft draft) => _drafts.CopyData(dataFolder, draft);

    /// <inheritdoc cref="VersionDraftWriter.WriteModel"/>
    public ModelMetadata WriteModel(VersionDraft draft, IntentModel model, ModelMetadata metadata) => _drafts.WriteModel(draft, model, metadata);

    /// <inheritdoc cref="VersionDraftWriter.CopyModel"/>
    public void CopyModel(VersionDraft draft, string modelFile, ModelMetadata metadata) => _drafts.CopyModel(draft, modelFile, metadata);

    /// <inheritdoc cref="VersionDraftWriter.WriteInfo"/>
    public void WriteInfo(VersionDraft draft, VersionInfo info) => _drafts.WriteInfo(draft, info);

    /// <inheritdoc cref="VersionDraftWriter.Commit"/>
    public void Commit(VersionDraft draft, string version) => _drafts.Commit(draft, version);

    /// <summary>Deletes version folders no longer listed, and drafts abandoned by a crashed process.</summary>
    private void Prune(PublishedState state)
    {
        try
        {
            var keep = state.Versions.Concat(state.Withdrawn.TakeLast(2)).ToHashSet(StringComparer.Ordinal);
            foreach (var folder in Directory.EnumerateDirectories(VersionsFolder))
            {
                var name = Path.GetFileName(folder);
                var hidden = name.StartsWith('.');
                if ((hidden && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow - AbandonedDraftAge) || (!hidden && !keep.Contains(name)))
                {
                    VersionStoreFiles.TryDeleteDirectory(folder);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // REVIEW: pruning is housekeeping; it must never fail a publish.
        }
    }

    private void WriteState(PublishedState state) =>
        _files.WriteAtomically(StatePath, JsonConvert.SerializeObject(state, PublishingJson.Indented), "the list of published versions");
}
