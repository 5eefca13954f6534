using System.Globalization;
using System.Text;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Editing;

namespace Chatbot.Faq.Exchange;

/// <summary>
/// Exports entries as CSV for spreadsheets (RFC 4180): a header row, one row per entry, fields with a comma, quote or
/// line break in double quotes (quotes doubled), <c>\r\n</c> between rows, example questions and follow-ups one per
/// line inside their cell.
/// </summary>
public static class FaqCsv
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["id", "topic", "title", "audience", "draft", "examples", "answer", "followUps", "source", "owner", "lastReviewed", "reviewBy"];

    /// <summary>Writes the header and one row per entry.</summary>
    public static void Write(TextWriter writer, IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        WriteRow(writer, Columns);
        foreach (var entry in entries)
        {
            WriteRow(writer,
            [
                entry.Id,
                entry.Topic,
                entry.Title,
                FaqEntryContent.AudienceName(entry.Audience),
                entry.Draft ? "true" : "false",
                string.Join('\n', entry.Examples),
                entry.Answer,
                string.Join('\n', entry.FollowUps),
                entry.Source,
                entry.Owner,
                entry.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                entry.ReviewBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            ]);
        }
    }

    /// <summary>One field as CSV: quoted when needed; text a spreadsheet would run as a formula gets a leading <c>'</c>.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // CSV injection: a cell starting with = + @ (or - followed by a non-space) is a formula in Excel and LibreOffice.
        // "- item" (a Markdown list) is left alone: spreadsheets treat it as text.
        if (value.Length > 0 && (value[0] is '=' or '+' or '@' || (value[0] == '-' && value.Length > 1 && !char.IsWhiteSpace(value[1]))))
        {
            value = "'" + value;
        }

        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            line.Append(Field(field));
            first = false;
        }

        writer.Write(line.Append("\r\n").ToString());
    }
}
