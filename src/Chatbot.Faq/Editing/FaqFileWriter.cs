using System.Text;

namespace Chatbot.Faq.Editing;

/// <summary>Writes data files so that readers see the old file or the new one, never half of one.</summary>
public static class FaqFileWriter
{
    /// <summary>
    /// Writes <paramref name="content"/> (UTF-8, no byte-order mark) to a temporary file beside <paramref name="path"/>,
    /// flushes it to disk, then moves it over <paramref name="path"/>. On any failure (a full disk, no permission) the
    /// temporary file is deleted and the original is untouched.
    /// </summary>
    /// <exception cref="IOException">The file could not be written; the original is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission; the original is unchanged.</exception>
    public static void WriteAtomically(string path, string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(content);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";

        // A name that does not end in .json: the loader and file watchers ignore it while it is being written.
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                TryDelete(temp);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // REVIEW: a leftover .tmp file is harmless (ignored by the loader); the original error matters more.
        }
    }
}
