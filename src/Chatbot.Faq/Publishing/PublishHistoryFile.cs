using Newtonsoft.Json;

namespace Chatbot.Faq.Publishing;

/// <summary><c>publish-history.jsonl</c>: one <see cref="PublishReport"/> per line, appended, read newest first.</summary>
internal sealed class PublishHistoryFile(string modelFolder)
{
    /// <summary>Appends a report to <c>publish-history.jsonl</c>.</summary>
    /// <exception cref="ModelVersionStoreException">The file cannot be written.</exception>
    public void Append(PublishReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var line = JsonConvert.SerializeObject(report, PublishingJson.Line) + "\n";
        VersionStoreFiles.Guard("Could not record the publish in the history", () => File.AppendAllText(Path.Combine(modelFolder, ModelVersionStore.HistoryFileName), line));
    }

    /// <summary>The newest <paramref name="count"/> reports, newest first. Unreadable lines are skipped.</summary>
    public IReadOnlyList<PublishReport> Read(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var path = Path.Combine(modelFolder, ModelVersionStore.HistoryFileName);
        if (count == 0 || !File.Exists(path))
        {
            return [];
        }

        var lines = VersionStoreFiles.Guard("Could not read the publish history", () => File.ReadAllLines(path));
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
