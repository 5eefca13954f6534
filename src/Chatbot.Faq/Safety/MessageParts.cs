using System.Text.RegularExpressions;

namespace Chatbot.Faq.Safety;

/// <summary>
/// Splits a message into the parts the learned layer reads one by one: a crisis said in one sentence of a long message,
/// or beside a question, must not be averaged away by the rest.
/// </summary>
public static partial class MessageParts
{
    /// <summary>At most this many parts are scored; longer messages are grouped into this many runs of sentences.</summary>
    public const int MaxParts = 48;

    private const int LongPartWords = 40;

    /// <summary>The sentences (long ones cut at commas), in order; empty for blank text.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var parts = new List<string>();
        foreach (var sentence in Sentences().Split(text))
        {
            var trimmed = sentence.Trim();
            if (trimmed.Length == 0 || !trimmed.Any(char.IsLetterOrDigit) && !trimmed.Any(char.IsSurrogate))
            {
                continue;
            }

            if (Words().Count(trimmed) > LongPartWords)
            {
                parts.AddRange(trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else
            {
                parts.Add(trimmed);
            }
        }

        if (parts.Count <= MaxParts)
        {
            return parts;
        }

        // A very long message: consecutive parts grouped so that every word is still read.
        var grouped = new List<string>(MaxParts);
        var size = (int)Math.Ceiling(parts.Count / (double)MaxParts);
        for (var i = 0; i < parts.Count; i += size)
        {
            grouped.Add(string.Join(". ", parts.Skip(i).Take(size)));
        }

        return grouped;
    }

    [GeneratedRegex(@"(?<=[.!?;:…])\s+|[\r\n]+|(?<=\?)|\s+(?=¿)")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();
}
