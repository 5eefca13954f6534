using System.Globalization;
using Chatbot.Faq.Dataset;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Staff.Unanswered;

/// <summary>
/// Groups redacted unanswered questions for staff: identical questions after normalization (case, punctuation,
/// spacing) first, then greedy clustering, most asked first: a wording joins the first group whose headline it
/// resembles (word Jaccard or character-trigram Jaccard at least the threshold), else starts a new group.
/// </summary>
public static class UnansweredClusterer
{
    /// <summary>Groups the questions; the biggest groups (then the most recent) first.</summary>
    public static IReadOnlyList<UnansweredCluster> Cluster(IEnumerable<UnansweredQuestion> questions, double threshold)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var exact = questions
            .Select(q => (Question: q, Key: ExampleText.Normalize(q.RedactedText)))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => new Exact(g.Key, g.Select(x => x.Question).ToList()))
            .OrderByDescending(e => e.Questions.Count)
            .ThenByDescending(e => e.LastAsked)
            .ThenBy(e => e.Key, StringComparer.Ordinal);

        var groups = new List<List<Exact>>();
        foreach (var wording in exact)
        {
            var home = groups.FirstOrDefault(g => Similarity(g[0], wording) >= threshold);
            if (home is null)
            {
                groups.Add([wording]);
            }
            else
            {
                home.Add(wording);
            }
        }

        return groups
            .Select(Build)
            .OrderByDescending(c => c.Count)
            .ThenByDescending(c => c.LastAsked)
            .ToList();
    }

    /// <summary>The larger of word Jaccard and character-trigram Jaccard of two normalized texts (0 to 1).</summary>
    public static double Similarity(string a, string b) => Similarity(new Exact(a, []), new Exact(b, []));

    private static double Similarity(Exact a, Exact b) => Math.Max(Jaccard(a.Words, b.Words), Jaccard(a.Trigrams, b.Trigrams));

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static UnansweredCluster Build(List<Exact> wordings)
    {
        var questions = wordings.SelectMany(w => w.Questions).ToList();
        var intents = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (intent, score) in questions.SelectMany(q => ParseTopIntents(q.TopIntents)))
        {
            intents[intent] = intents.GetValueOrDefault(intent) + score;
        }

        return new UnansweredCluster(
            [.. wordings.Select(w => new UnansweredVariant(w.Questions.OrderBy(q => q.CreatedAt).First().RedactedText.Trim(), w.Key, w.Questions.Count))],
            questions.Count,
            questions.Max(q => q.CreatedAt),
            intents,
            []);
    }

    /// <summary>Reads the stored <c>intent:score, intent:score</c> list; malformed parts are skipped.</summary>
    public static IEnumerable<(string Intent, double Score)> ParseTopIntents(string? topIntents)
    {
        foreach (var part in (topIntents ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon > 0 && double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                yield return (part[..colon], score);
            }
        }
    }

    private sealed class Exact(string key, List<UnansweredQuestion> questions)
    {
        private HashSet<string>? _words;
        private HashSet<string>? _trigrams;

        public string Key { get; } = key;

        public List<UnansweredQuestion> Questions { get; } = questions;

        public DateTimeOffset LastAsked => Questions.Count == 0 ? default : Questions.Max(q => q.CreatedAt);

        public HashSet<string> Words => _words ??= Key.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

        public HashSet<string> Trigrams => _trigrams ??= TrigramsOf(Key);

        private static HashSet<string> TrigramsOf(string text)
        {
            var padded = $" {text} ";
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                set.Add(padded.Substring(i, 3));
            }

            return set;
        }
    }
}
