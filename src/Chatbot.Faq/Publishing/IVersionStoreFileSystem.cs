namespace Chatbot.Faq.Publishing;

/// <summary>
/// The file writes of <see cref="ModelVersionStore"/> that consume disk space. A seam for tests (a full disk, a
/// read-only folder); <see cref="PhysicalVersionStoreFileSystem"/> is the real one.
/// </summary>
public interface IVersionStoreFileSystem
{
    /// <summary>Creates <paramref name="path"/> (it must not exist) and lets <paramref name="write"/> fill it.</summary>
    /// <exception cref="IOException">The file cannot be written (for example: the disk is full).</exception>
    void WriteFile(string path, Action<Stream> write);

    /// <summary>Copies a file to a path that does not exist yet.</summary>
    /// <exception cref="IOException">The file cannot be copied (for example: the disk is full).</exception>
    void CopyFile(string source, string destination);
}
