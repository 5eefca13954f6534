namespace Chatbot.Faq.Publishing;

/// <summary>Writes to the real file system, flushing to disk before returning so a later rename publishes complete files.</summary>
public sealed class PhysicalVersionStoreFileSystem : IVersionStoreFileSystem
{
    /// <summary>The shared instance.</summary>
    public static PhysicalVersionStoreFileSystem Instance { get; } = new();

    /// <inheritdoc />
    public void WriteFile(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        write(stream);
        stream.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void CopyFile(string source, string destination) => File.Copy(source, destination, overwrite: false);
}
