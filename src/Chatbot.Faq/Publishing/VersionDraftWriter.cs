using Chatbot.Faq.Classification;
using Newtonsoft.Json;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// Prepares a version in a hidden draft folder (data snapshot, model, descriptions) and commits it by renaming it into
/// <c>versions/&lt;version&gt;</c>, so readers never see half a version.
/// </summary>
internal sealed class VersionDraftWriter(ModelVersionStore store, IVersionStoreFileSystem fileSystem, VersionStoreFiles files)
{
    /// <summary>The name prefix of draft folders; hidden, so they are never taken for versions.</summary>
    public const string DraftPrefix = ".draft-";

    /// <summary>Starts a new version in a hidden folder.</summary>
    /// <param name="dataFolderName">The name for the data snapshot folder (the original data folder's name, so messages name the right files).</param>
    public VersionDraft CreateDraft(string dataFolderName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolderName);
        var folder = Path.Combine(store.VersionsFolder, DraftPrefix + Guid.NewGuid().ToString("N"));
        VersionStoreFiles.Guard("Could not prepare a new version", () => Directory.CreateDirectory(folder));
        return new VersionDraft(folder, dataFolderName);
    }

    /// <summary>
    /// Copies the topic files (<c>*.json</c>) and <c>tests/*.json</c> of <paramref name="dataFolder"/> into the draft.
    /// The copy is what gets validated, trained and published, so an edit saved meanwhile cannot slip in unchecked.
    /// </summary>
    public void CopyData(string dataFolder, VersionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        VersionStoreFiles.Guard("Could not copy the FAQ data for checking", () =>
        {
            Directory.CreateDirectory(draft.DataFolder);
            if (!Directory.Exists(dataFolder))
            {
                return;
            }

            files.CopyJsonFiles(dataFolder, draft.DataFolder);
            var tests = Path.Combine(dataFolder, "tests");
            if (Directory.Exists(tests))
            {
                Directory.CreateDirectory(Path.Combine(draft.DataFolder, "tests"));
                files.CopyJsonFiles(tests, Path.Combine(draft.DataFolder, "tests"));
            }
        });
    }

    /// <summary>Saves a freshly trained model into the draft.</summary>
    /// <returns>The metadata as written (with the model file's hash and size).</returns>
    public ModelMetadata WriteModel(VersionDraft draft, IntentModel model, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        return VersionStoreFiles.Guard("Could not save the new model", () =>
        {
            var zip = Path.Combine(draft.Folder, IntentModelFiles.ModelFileName);
            fileSystem.WriteFile(zip, model.Save);
            var written = metadata with { ModelSha256 = VersionStoreFiles.HashFile(zip, out var bytes), ModelBytes = bytes };
            fileSystem.WriteFile(Path.Combine(draft.Folder, IntentModelFiles.MetadataFileName), s => VersionStoreFiles.WriteText(s, IntentModelFiles.ToJson(written)));
            return written;
        });
    }

    /// <summary>Copies an existing model file (the same training data) into the draft with new metadata.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="modelFile">The <c>model.zip</c> to copy.</param>
    /// <param name="metadata">The metadata to write; must describe the copied file.</param>
    public void CopyModel(VersionDraft draft, string modelFile, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(metadata);
        VersionStoreFiles.Guard("Could not save the new version", () =>
        {
            var copy = Path.Combine(draft.Folder, IntentModelFiles.ModelFileName);
            fileSystem.CopyFile(modelFile, copy);
            if (metadata.ModelSha256.Length > 0 && VersionStoreFiles.HashFile(copy, out _) != metadata.ModelSha256)
            {
                // E.g. 'chatbot train' replaced the working model while it was being copied.
                throw new IOException($"the model file {modelFile} changed while it was being copied; publish again");
            }

            fileSystem.WriteFile(Path.Combine(draft.Folder, IntentModelFiles.MetadataFileName), s => VersionStoreFiles.WriteText(s, IntentModelFiles.ToJson(metadata)));
        });
    }

    /// <summary>Writes the draft's <c>version.json</c>.</summary>
    public void WriteInfo(VersionDraft draft, VersionInfo info)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(info);
        VersionStoreFiles.Guard("Could not save the new version", () => fileSystem.WriteFile(
            Path.Combine(draft.Folder, ModelVersionStore.VersionInfoFileName), s => VersionStoreFiles.WriteText(s, JsonConvert.SerializeObject(info, PublishingJson.Indented))));
    }

    /// <summary>Renames the draft into <c>versions/&lt;version&gt;</c>, replacing a damaged folder of the same version.</summary>
    public void Commit(VersionDraft draft, string version)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var target = store.VersionFolder(version);
        VersionStoreFiles.Guard("Could not save the new version", () =>
        {
            if (!Directory.Exists(target))
            {
                Directory.Move(draft.Folder, target);
                return;
            }

            var aside = Path.Combine(store.VersionsFolder, ".replaced-" + Guid.NewGuid().ToString("N"));
            Directory.Move(target, aside);
            try
            {
                Directory.Move(draft.Folder, target);
            }
            catch
            {
                Directory.Move(aside, target);
                throw;
            }

            VersionStoreFiles.TryDeleteDirectory(aside);
        });
        draft.Committed = true;
    }
}
