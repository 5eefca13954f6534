using System.Globalization;
using System.Text;

namespace Chatbot.Faq.Exchange;

/// <summary>
/// The Metadata column of the QnA Maker TSV format: <c>key:value|key:value</c>. Keys are lower-case; a value that
/// contains <c>:</c>, <c>|</c> or <c>%</c> has them written as <c>%3A</c>, <c>%7C</c>, <c>%25</c>.
/// </summary>
public static class QnaMetadata
{
    /// <summary>Parses the column; pairs without a key are ignored, the first value of a repeated key wins.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        foreach (var pair in text.Split('|'))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            var key = (colon < 0 ? pair : pair[..colon]).Trim().ToLowerInvariant();
            if (key.Length > 0)
            {
                result.TryAdd(key, colon < 0 ? string.Empty : Uri.UnescapeDataString(pair[(colon + 1)..].Trim()));
            }
        }

        return result;
    }

    /// <summary>Formats pairs in the given order, skipping empty values.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return string.Join('|', pairs
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => p.Key.ToLowerInvariant() + ":" + Escape(p.Value)));
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = c switch
            {
                '%' or ':' or '|' or '\t' or '\r' or '\n' => builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
