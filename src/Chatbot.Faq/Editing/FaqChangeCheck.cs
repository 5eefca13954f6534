using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Editing;

/// <summary>Checks a change to the data folder in memory before anything is written.</summary>
/// <param name="timeProvider">Today's date, for review dates.</param>
public sealed class FaqChangeCheck(TimeProvider timeProvider)
{
    /// <summary>
    /// Validates the data folder as it is and as it would be with <paramref name="changedFiles"/>, and returns the
    /// errors the change would add (errors that were already there do not block a change elsewhere), plus every issue
    /// of the changed dataset.
    /// </summary>
    /// <param name="dataFolder">The data folder.</param>
    /// <param name="changedFiles">New contents by file name (e.g. <c>treatment.json</c>).</param>
    public FaqChangeResult Check(string dataFolder, IReadOnlyDictionary<string, string> changedFiles)
    {
        ArgumentNullException.ThrowIfNull(changedFiles);
        var loader = new FaqDatasetLoader();
        var tests = new TestConversationLoader().LoadFromDataFolder(dataFolder);
        var validator = new FaqDatasetValidator(timeProvider);
        var before = validator.Validate(loader.Load(dataFolder), tests);
        var dataset = loader.Load(dataFolder, changedFiles);
        var after = validator.Validate(dataset, tests);

        // Compared without line numbers: an edit moves the lines of everything below it.
        var existing = before.Where(i => i.IsError).Select(Key).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var added = new List<ValidationIssue>();
        foreach (var error in after.Where(i => i.IsError))
        {
            var key = Key(error);
            if (existing.TryGetValue(key, out var count) && count > 0)
            {
                existing[key] = count - 1;
            }
            else
            {
                added.Add(error);
            }
        }

        return new FaqChangeResult(dataset, after, added);
    }

    private static string Key(ValidationIssue issue) => $"{issue.File}\u001f{issue.Code}\u001f{issue.Message}";
}
