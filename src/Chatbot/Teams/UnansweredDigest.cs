using Chatbot.Faq.Dataset;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Teams;

/// <summary>One group of (near-)identical unanswered questions.</summary>
/// <param name="Text">The most common wording (already redacted); the most recent one on a tie.</param>
/// <param name="Count">How many times it was asked.</param>
/// <param name="LastAsked">When it was last asked.</param>
/// <param name="ClosestIntent">The intent the classifier ranked first most often for it, or null.</param>
public sealed record UnansweredGroup(string Text, int Count, DateTimeOffset LastAsked, string? ClosestIntent);

/// <summary>
/// Groups unanswered questions for staff: texts that are identical after normalization (case, punctuation,
/// spacing), that use the same words in another order, or that differ by a typo or two (edit distance at most one per
/// ten characters) count as one question.
/// </summary>
public static class UnansweredDigest
{
    private const int MaxCompared = 200;
    private const int MaxVariants = 20;

    /// <summary>The most frequent groups, most frequent first (ties: most recent first).</summary>
    public static IReadOnlyList<UnansweredGroup> Group(IEnumerable<UnansweredQuestion> questions, int take)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var groups = new List<Builder>();
        var byKey = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var question in questions.OrderByDescending(q => q.CreatedAt))
        {
            var normalized = ExampleText.Normalize(question.RedactedText);
            if (normalized.Length == 0)
            {
                continue;
            }

            var words = string.Join(' ', normalized.Split(' ').Order(StringComparer.Ordinal));
            if (!byKey.TryGetValue(normalized, out var group) && !byKey.TryGetValue("w:" + words, out group))
            {
                group = groups.Take(MaxCompared).FirstOrDefault(g => g.Variants.Exists(v => IsNear(v, normalized)));
                if (group is null)
                {
                    group = new Builder();
                    groups.Add(group);
                }
            }

            if (group.Variants.Count < MaxVariants && !group.Variants.Contains(normalized))
            {
                group.Variants.Add(normalized);
            }

            byKey[normalized] = group;
            byKey["w:" + words] = group;
            group.Add(question);
        }

        return groups
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastAsked)
            .Take(take)
            .Select(g => g.Build())
            .ToList();
    }

    /// <summary>The first intent of a stored <c>intent:score, …</c> list, or null.</summary>
    public static string? TopIntentOf(string topIntents)
    {
        if (string.IsNullOrWhiteSpace(topIntents))
        {
            return null;
        }

        var first = topIntents.Split(',', 2)[0].Trim();
        var colon = first.LastIndexOf(':');
        var intent = colon > 0 ? first[..colon] : first;
        return intent.Length == 0 || intent == FaqEntry.OutOfScopeId ? null : intent;
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ by at most one edit per ten characters.</summary>
    internal static bool IsNear(string a, string b)
    {
        var limit = Math.Min(a.Length, b.Length) / 10;
        if (limit == 0 || Math.Abs(a.Length - b.Length) > limit || a.Length > 300 || b.Length > 300)
        {
            return false;
        }

        // Banded Levenshtein: only cells within `limit` of the diagonal can stay under the limit.
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                if (Math.Abs(i - j) > limit)
                {
                    current[j] = limit + 1;
                    continue;
                }

                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return false;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length] <= limit;
    }

    private sealed class Builder
    {
        // Wording → (times asked, order first seen); questions arrive newest first.
        private readonly Dictionary<string, (int Count, int Order)> _texts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _intents = new(StringComparer.Ordinal);

        /// <summary>The distinct normalized wordings seen so far (a new question is compared with each).</summary>
        public List<string> Variants { get; } = [];

        public int Count { get; private set; }

        public DateTimeOffset LastAsked { get; private set; } = DateTimeOffset.MinValue;

        public void Add(UnansweredQuestion question)
        {
            Count++;
            LastAsked = question.CreatedAt > LastAsked ? question.CreatedAt : LastAsked;
            var text = question.RedactedText.Trim();
            _texts[text] = _texts.TryGetValue(text, out var seen) ? (seen.Count + 1, seen.Order) : (1, _texts.Count);
            if (TopIntentOf(question.TopIntents) is { } intent)
            {
                _intents[intent] = _intents.GetValueOrDefault(intent) + 1;
            }
        }

        public UnansweredGroup Build() => new(
            _texts.OrderByDescending(t => t.Value.Count).ThenBy(t => t.Value.Order).First().Key,
            Count,
            LastAsked,
            _intents.Count == 0 ? null : _intents.OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal).First().Key);
    }
}
