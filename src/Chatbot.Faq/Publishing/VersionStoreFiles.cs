using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// The file operations of the version store: atomic writes (a temporary file renamed into place), JSON reads, and
/// <c>Guard</c>, which turns an I/O failure into a <see cref="ModelVersionStoreException"/> that says what
/// could not be done and that nothing published changed.
/// </summary>
internal sealed class VersionStoreFiles(IVersionStoreFileSystem fileSystem)
{
    /// <summary>Deletes a folder if it can; a leftover is cleaned up by a later prune.</summary>
    public static void TryDeleteDirectory(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // REVIEW: a leftover hidden folder is harmless; Prune retries later.
        }
    }

    /// <summary>Reads a JSON file of the store; null when it does not exist.</summary>
    public static T? ReadJson<T>(string path, string what)
        where T : class
    {
        try
        {
            return File.Exists(path)
                ? JsonConvert.DeserializeObject<T>(File.ReadAllText(path), PublishingJson.Indented) ?? throw new JsonSerializationException("the file is empty")
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ModelVersionStoreException($"Could not read {what} ({path}): {ex.Message}", IsDiskFull(ex), ex);
        }
    }

    public void CopyJsonFiles(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.json", SearchOption.TopDirectoryOnly))
        {
            fileSystem.CopyFile(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    public void WriteAtomically(string path, string text, string what)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        Guard($"Could not save {what}", () =>
        {
            try
            {
                fileSystem.WriteFile(temp, s => WriteText(s, text));
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
        });
    }

    public static void WriteText(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
    }

    public static string HashFile(string path, out long length)
    {
        using var stream = File.OpenRead(path);
        length = stream.Length;
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static void Guard(string what, Action action) => Guard(what, () =>
    {
        action();
        return true;
    });

    public static T Guard<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var full = IsDiskFull(ex);
            var cause = full ? "the disk is full" : ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
            throw new ModelVersionStoreException($"{what}: {cause}. Nothing already published was changed; the bot keeps serving the current version.", full, ex);
        }
    }

    /// <summary>ENOSPC/EDQUOT on Linux and macOS, ERROR_DISK_FULL/ERROR_HANDLE_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(Exception ex)
    {
        var code = ex.HResult & 0xFFFF;
        return ex is IOException && (code is 28 or 122 or 0x27 or 0x70
            || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("not enough space", StringComparison.OrdinalIgnoreCase));
    }
}
