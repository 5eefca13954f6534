namespace Chatbot.Staff.Editing;

/// <summary>Reads and writes the FAQ topic files (a seam for tests: a full disk, a read-only folder).</summary>
public interface IFaqFileStore
{
    /// <summary>The file's text, or null when it does not exist.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    Task<string?> ReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Replaces (or creates) the file atomically: readers see the old text or the new, never a mix.</summary>
    /// <exception cref="IOException">The file could not be written (e.g. the disk is full); it is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission; the file is unchanged.</exception>
    Task WriteAsync(string path, string content, CancellationToken cancellationToken);
}
