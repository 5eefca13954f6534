using System.Diagnostics;
using Newtonsoft.Json;

namespace Chatbot.Faq.Publishing;

/// <summary>The cross-process publish lock and the publish history.</summary>
public sealed partial class ModelVersionStore
{
    /// <summary>The lock file: held (exclusively) by whoever publishes, verifies or rolls back.</summary>
    public const string LockFileName = ".publish.lock";

    /// <summary>The publish history, one <see cref="PublishReport"/> per line.</summary>
    public const string HistoryFileName = "publish-history.jsonl";

    /// <summary>
    /// Takes the publish lock, waiting up to <paramref name="timeout"/> for another publish (in this or another process,
    /// e.g. the CLI while the bot runs) to finish.
    /// </summary>
    /// <returns>The lock; dispose it to release.</returns>
    /// <exception cref="ModelVersionStoreException">The lock was not free in time, or the folder cannot be written.</exception>
    public IDisposable AcquireLock(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = Path.Combine(ModelFolder, LockFileName);
        Guard("Could not open the model folder", () => Directory.CreateDirectory(VersionsFolder));
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
                    $"Another publish (the bot or the 'chatbot' CLI) has been working on {ModelFolder} for more than {timeout.TotalSeconds:0} s; try again when it has finished. Nothing was changed.",
                    IsDiskFull(ex),
                    ex);
            }
        }
    }

    /// <summary>Appends a report to <c>publish-history.jsonl</c>.</summary>
    /// <exception cref="ModelVersionStoreException">The file cannot be written.</exception>
    public void AppendHistory(PublishReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var line = JsonConvert.SerializeObject(report, PublishingJson.Line) + "\n";
        Guard("Could not record the publish in the history", () => File.AppendAllText(Path.Combine(ModelFolder, HistoryFileName), line));
    }

    /// <summary>The newest <paramref name="count"/> reports, newest first. Unreadable lines are skipped.</summary>
    public IReadOnlyList<PublishReport> ReadHistory(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var path = Path.Combine(ModelFolder, HistoryFileName);
        if (count == 0 || !File.Exists(path))
        {
            return [];
        }

        var lines = Guard("Could not read the publish history", () => File.ReadAllLines(path));
        var reports = new List<PublishReport>(Math.Min(count, lines.Length));
        for (var i = lines.Length - 1; i >= 0 && reports.Count < count; i--)
        {
            try
            {
                if (lines[i].Length > 0 && JsonConvert.DeserializeObject<PublishReport>(lines[i], PublishingJson.Line) is { } report)
                {
                    reports.Add(report);
                }
            }
            catch (JsonException)
            {
                // A line cut short by a crash or a full disk: skip it, keep the rest.
            }
        }

        return reports;
    }
}
