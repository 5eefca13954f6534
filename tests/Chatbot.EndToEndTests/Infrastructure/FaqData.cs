using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>One entry of faq-data/*.json, as staff wrote it.</summary>
public sealed record FaqDataEntry(string Id, string Title, IReadOnlyList<string> Examples, string Answer, IReadOnlyList<string> FollowUps)
{
    /// <summary>The first example question staff wrote for the entry.</summary>
    public string FirstExample => Examples[0];

    /// <summary>The approved answer as a reader sees it once Web Chat rendered the Markdown (bold, lists).</summary>
    public string AnswerAsRendered => FaqData.Rendered(Answer);
}

/// <summary>The clinic's approved entries, read straight from the repository's faq-data folder (not through the bot's code).</summary>
public static partial class FaqData
{
    private static readonly Lazy<IReadOnlyDictionary<string, FaqDataEntry>> Entries = new(Load);

    public static FaqDataEntry Entry(string id) =>
        Entries.Value.TryGetValue(id, out var entry) ? entry : throw new KeyNotFoundException($"{id} is not in {RepositoryPaths.FaqData}");

    /// <summary>The entry whose title (the text of its button) is <paramref name="title"/>, if any.</summary>
    public static FaqDataEntry? ByTitle(string title) =>
        Entries.Value.Values.FirstOrDefault(e => string.Equals(e.Title, title, StringComparison.Ordinal));

    /// <summary>Markdown to the text a reader sees: no <c>**</c>/<c>__</c>, no list markers, whitespace collapsed.</summary>
    public static string Rendered(string markdown)
    {
        var text = ListMarker().Replace(markdown, string.Empty);
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
        return Collapse(text);
    }

    /// <summary>Collapses runs of whitespace to one space and trims.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static Dictionary<string, FaqDataEntry> Load()
    {
        var entries = new Dictionary<string, FaqDataEntry>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(RepositoryPaths.FaqData, "*.json"))
        {
            if (file.EndsWith(".schema.json", StringComparison.Ordinal))
            {
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
            {
                var id = entry.GetProperty("id").GetString()!;
                entries[id] = new FaqDataEntry(
                    id,
                    entry.GetProperty("title").GetString()!,
                    entry.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!).ToList(),
                    entry.GetProperty("answer").GetString()!,
                    entry.TryGetProperty("followUps", out var followUps) ? followUps.EnumerateArray().Select(e => e.GetString()!).ToList() : []);
            }
        }

        return entries;
    }

    [GeneratedRegex(@"^\s*[-*]\s+", RegexOptions.Multiline)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
