using System.Text;
using System.Text.RegularExpressions;

namespace Chatbot.Faq.Exchange;

/// <summary>Makes ids for imported entries that no existing or earlier imported entry uses.</summary>
public sealed partial class ImportedEntryIds
{
    private const int MaxSlugLength = 48;
    private readonly HashSet<string> _taken;

    /// <summary>Starts with the ids already in use (published entries and drafts).</summary>
    public ImportedEntryIds(IEnumerable<string> existingIds)
    {
        ArgumentNullException.ThrowIfNull(existingIds);
        _taken = new HashSet<string>(existingIds, StringComparer.Ordinal);
    }

    /// <summary>
    /// Reserves <paramref name="preferred"/> when it is a well-formed id nobody uses; otherwise an id made from it (or,
    /// without one, from <paramref name="text"/>: <c>faq/</c> + its words in snake_case), with <c>_2</c>, <c>_3</c>… when taken.
    /// </summary>
    public string Reserve(string? preferred, string text)
    {
        if (preferred is { Length: > 0 } && IdPattern().IsMatch(preferred) && _taken.Add(preferred))
        {
            return preferred;
        }

        // A preferred id that is taken keeps its name with a number; one that is not an id (e.g. out_of_scope, which
        // exists once) becomes a faq/ draft named after it.
        var stem = preferred is not { Length: > 0 } ? "faq/" + Slug(text)
            : IdPattern().IsMatch(preferred) ? preferred
            : "faq/" + Slug(preferred);
        if (_taken.Add(stem))
        {
            return stem;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}_{n}";
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Lower-case ASCII words joined by underscores, at most 48 characters; <c>imported</c> when nothing is left.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '/')
            {
                if (builder.Length > 0 && builder[^1] != '_')
                {
                    builder.Append('_');
                }
            }
        }

        var slug = builder.ToString().Trim('_');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('_', MaxSlugLength);
            slug = slug[..(cut > 10 ? cut : MaxSlugLength)];
        }

        return slug.Length == 0 ? "imported" : slug;
    }

    /// <summary>Shortens a question to a button title of at most 60 characters, at a word boundary.</summary>
    public static string Title(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (title.Length <= 60)
        {
            return title.Length < 3 ? (title + " (imported)").Trim() : title;
        }

        var cut = title.LastIndexOf(' ', 58);
        return title[..(cut > 20 ? cut : 58)].TrimEnd(',', ';', ':') + "…";
    }

    [GeneratedRegex("^(faq|staff|smalltalk|booking|handoff|clinician)/[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
