using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.Benchmarks.Reload;

/// <summary>
/// Edits one entry of a topic file the way a person saving in an editor does (the file is rewritten in place): its
/// answer, the title of its first follow-up (so a reply's text and buttons both carry the edit's marker), and
/// optionally a new example question (which forces retraining). Every edit starts from the original file.
/// </summary>
internal sealed class FaqEditor(string dataFolder, string fileName, string entryId)
{
    private readonly string _path = Path.Combine(dataFolder, fileName);
    private readonly string _original = File.ReadAllText(Path.Combine(dataFolder, fileName));
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _saved = new(StringComparer.Ordinal);

    /// <summary>Every marker saved so far: any of them may legitimately serve (a rollback returns to an older one).</summary>
    public bool WasSaved(string marker) => _saved.ContainsKey(marker);

    public string EntryId => entryId;

    /// <summary>The entry's first example question (an exact match: answered from the catalog without the model).</summary>
    public string ExampleQuestion => (string)Entry(JObject.Parse(_original))["examples"]![0]!;

    /// <summary>The entry's original answer.</summary>
    public string OriginalAnswer => (string)Entry(JObject.Parse(_original))["answer"]!;

    /// <summary>The id of the entry's first follow-up (in the same file).</summary>
    public string FollowUpId => (string)Entry(JObject.Parse(_original))["followUps"]![0]!;

    /// <summary>The text a reply carries for <paramref name="marker"/>.</summary>
    public static string Tag(string marker) => $" [{marker}]";

    /// <summary>Saves the file with <paramref name="marker"/> in the answer and the follow-up's title.</summary>
    /// <param name="marker">A unique marker, e.g. "rev 3".</param>
    /// <param name="newExample">An example question to add (forces retraining), or null.</param>
    public void Save(string marker, string? newExample = null)
    {
        _saved[marker] = true;

        // Always from the original file: edits do not accumulate example questions (a rolled-back one would stay).
        var topic = JObject.Parse(_original);
        var entry = Entry(topic);
        var original = Entry(JObject.Parse(_original));
        entry["answer"] = (string)original["answer"]! + Tag(marker);
        var followUp = ((JArray)topic["entries"]!).Single(e => (string)e["id"]! == FollowUpId);
        var originalFollowUp = ((JArray)JObject.Parse(_original)["entries"]!).Single(e => (string)e["id"]! == FollowUpId);
        followUp["title"] = (string)originalFollowUp["title"]! + Tag(marker);
        if (newExample is not null)
        {
            ((JArray)entry["examples"]!).Add(newExample);
        }

        File.WriteAllText(_path, topic.ToString(Formatting.Indented));
    }

    /// <summary>The marker a text carries, or null.</summary>
    public static string? MarkerOf(string text)
    {
        var end = text.LastIndexOf(']');
        var start = end < 0 ? -1 : text.LastIndexOf(" [", end, StringComparison.Ordinal);
        return start < 0 || end != text.Length - 1 ? null : text[(start + 2)..end];
    }

    private JToken Entry(JObject topic) => ((JArray)topic["entries"]!).Single(e => (string)e["id"]! == entryId);
}
