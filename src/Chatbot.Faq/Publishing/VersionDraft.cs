namespace Chatbot.Faq.Publishing;

/// <summary>
/// A version being prepared in a hidden folder under <c>models/versions/</c>. Nothing reads it until
/// <see cref="ModelVersionStore.Commit"/> renames it into place; disposing an uncommitted draft deletes it.
/// </summary>
public sealed class VersionDraft : IDisposable
{
    internal VersionDraft(string folder, string dataFolderName)
    {
        Folder = folder;
        DataFolderName = dataFolderName;
        DataFolder = Path.Combine(folder, dataFolderName);
    }

    /// <summary>The draft's folder.</summary>
    public string Folder { get; }

    /// <summary>The name of the data snapshot sub-folder (the original data folder's name).</summary>
    public string DataFolderName { get; }

    /// <summary>The snapshot of the data folder inside the draft.</summary>
    public string DataFolder { get; }

    /// <summary>True once the draft became a version.</summary>
    public bool Committed { get; internal set; }

    /// <summary>Deletes the draft unless it was committed.</summary>
    public void Dispose()
    {
        if (!Committed)
        {
            VersionStoreFiles.TryDeleteDirectory(Folder);
        }
    }
}
