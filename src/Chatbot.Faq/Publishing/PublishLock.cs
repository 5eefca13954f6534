using System.Diagnostics;

namespace Chatbot.Faq.Publishing;

/// <summary>The cross-process publish lock: a lock file held open exclusively by whoever publishes, verifies or rolls back.</summary>
internal static class PublishLock
{
    /// <summary>
    /// Takes the publish lock, waiting up to <paramref name="timeout"/> for another publish (in this or another process,
    /// e.g. the CLI while the bot runs) to finish.
    /// </summary>
    /// <returns>The lock; dispose it to release.</returns>
    /// <exception cref="ModelVersionStoreException">The lock was not free in time, or the folder cannot be written.</exception>
    public static IDisposable Acquire(string modelFolder, string versionsFolder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = Path.Combine(modelFolder, ModelVersionStore.LockFileName);
        VersionStoreFiles.Guard("Could not open the model folder", () => Directory.CreateDirectory(versionsFolder));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) between .NET processes on Linux and macOS.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                Thread.Sleep(100);
            }
            catch (IOException ex)
            {
                throw new ModelVersionStoreException(
                    $"Another publish (the bot or the 'chatbot' CLI) has been working on {modelFolder} for more than {timeout.TotalSeconds:0} s; try again when it has finished. Nothing was changed.",
                    VersionStoreFiles.IsDiskFull(ex),
                    ex);
            }
        }
    }
}
