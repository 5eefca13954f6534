using System.Globalization;
using System.Text;
using Chatbot.Faq.Editing;

namespace Chatbot.Faq.Exchange;

/// <summary>
/// Reads and writes the QnA Maker / Azure Custom Question Answering TSV format: a header row
/// <c>Question	Answer	Source	Metadata</c>, then one row per question; alternate questions of a pair are extra rows
/// with the same answer. Tabs, line breaks and backslashes inside a field are written <c>\t</c>, <c>\n</c>, <c>\\</c>.
/// </summary>
public static class QnaTsv
{
    /// <summary>The header row this class writes.</summary>
    public const string Header = "Question\tAnswer\tSource\tMetadata";

    /// <summary>Reads a TSV file; rows that cannot be used are reported in <see cref="QnaTsvReadResult.Problems"/>.</summary>
    /// <exception cref="FaqImportException">The file has no Question/Answer header or no usable row.</exception>
    public static QnaTsvReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (header is null)
        {
            throw new FaqImportException("The file is empty. Export the knowledge base from QnA Maker or Language Studio as TSV and upload that file.");
        }

        var columns = header.TrimStart('\uFEFF').Split('\t').Select(c => c.Trim().ToLowerInvariant()).ToList();
        var question = columns.IndexOf("question");
        var answer = columns.IndexOf("answer");
        if (question < 0 || answer < 0)
        {
            throw new FaqImportException(
                "The first line is not a QnA Maker header: it must name the columns Question, Answer, Source and Metadata, separated by tabs. " +
                "If the file came from a spreadsheet, save it as 'Text (tab delimited)', not CSV.");
        }

        var source = columns.IndexOf("source");
        var metadata = columns.IndexOf("metadata");
        var qnaId = columns.IndexOf("qnaid");
        var pairs = new List<QnaPair>();
        var problems = new List<string>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length <= Math.Max(question, answer))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: has {fields.Length} column(s), not the {columns.Count} of the header (a tab is missing, or the answer broke over two lines)"));
                continue;
            }

            var q = Field(fields, question);
            var a = Field(fields, answer);
            if (q.Length == 0 || a.Length == 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: the {(q.Length == 0 ? "question" : "answer")} is empty"));
                continue;
            }

            pairs.Add(new QnaPair(q, a, Field(fields, source), QnaMetadata.Parse(Field(fields, metadata)), Field(fields, qnaId) is { Length: > 0 } id ? id : null, lineNumber));
        }

        if (pairs.Count == 0)
        {
            throw new FaqImportException("The file has a header but no usable question and answer rows" +
                (problems.Count > 0 ? ": " + string.Join("; ", problems.Take(5)) : "."));
        }

        return new QnaTsvReadResult(pairs, problems);
    }

    /// <summary>
    /// Writes the entries: each example question as one row (the first is the pair's question, the others its
    /// alternate questions), and the entry's other fields in Metadata (<c>id</c>, <c>title</c>, <c>audience</c>, <c>owner</c>,
    /// <c>lastreviewed</c>, <c>reviewby</c>, <c>followups</c>, <c>draft</c>), so a round trip loses nothing.
    /// </summary>
    public static void Write(TextWriter writer, IEnumerable<FaqEntryContent> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.Write(Header + "\n");
        foreach (var entry in entries)
        {
            var metadata = QnaMetadata.Format(
            [
                new("id", entry.Id),
                new("title", entry.Title),
                new("audience", FaqEntryContent.AudienceName(entry.Audience)),
                new("owner", entry.Owner),
                new("lastreviewed", entry.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("reviewby", entry.ReviewBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
                new("followups", string.Join(',', entry.FollowUps)),
                new("draft", entry.Draft ? "true" : string.Empty),
            ]);
            foreach (var example in entry.Examples)
            {
                writer.Write($"{Escape(example)}\t{Escape(entry.Answer)}\t{Escape(entry.Source)}\t{metadata}\n");
            }
        }
    }

    private static string Field(string[] fields, int index) => index >= 0 && index < fields.Length ? Unescape(Unquote(fields[index].Trim())) : string.Empty;

    // Spreadsheets save a field with quotes in it as "…""…"; QnA Maker itself never quotes.
    private static string Unquote(string field) =>
        field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is 'n' or 't' or '\\')
            {
                builder.Append(text[++i] switch { 'n' => '\n', 't' => '\t', _ => '\\' });
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
