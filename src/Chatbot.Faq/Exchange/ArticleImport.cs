using System.Text.RegularExpressions;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Editing;

namespace Chatbot.Faq.Exchange;

/// <summary>
/// Extracts draft FAQ entries from an article (plain text or Markdown), the way QnA Maker extracted FAQs from
/// documents: every question-like heading becomes a draft whose first example is the heading and whose answer is the
/// paragraphs under it, up to the next heading. Staff then review each draft, write the answer in the clinic's own
/// words, add examples and publish it.
/// </summary>
/// <remarks>
/// A heading is a Markdown <c>#</c> line, or in plain text a paragraph of one short line (at most 120 characters)
/// that does not end like a sentence (<c>.</c>, <c>:</c>, <c>;</c>, <c>,</c>). It is question-like when it ends
/// with <c>?</c> or starts with What, How, Why, When, Where, Who, Which, Can, Is, Are, Do, Does, Will or Should.
/// Cross-references such as "Read more: …" or "See also: …" are neither headings nor answer text.
/// </remarks>
public static partial class ArticleImport
{
    private const int MaxHeadingLength = 120;

    /// <summary>Finds the question-like headings of <paramref name="text"/> and makes one draft for each.</summary>
    /// <param name="text">The article.</param>
    /// <param name="sourceName">The article's file name, for each draft's <c>source</c> (<c>name § heading</c>).</param>
    /// <param name="ids">The ids in use; new ids are reserved in it.</param>
    /// <param name="today">The import date (lastReviewed).</param>
    /// <exception cref="FaqImportException">The file is not text, or has no question-like heading with text under it.</exception>
    public static IReadOnlyList<FaqEntryContent> Import(string text, string sourceName, ImportedEntryIds ids, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ids);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new FaqImportException("This is not a text file. Save the article as plain text (.txt) or Markdown (.md) and upload that.");
        }

        var sections = new List<(string Heading, List<string> Paragraphs)>();
        List<string>? current = null;
        foreach (var block in Blocks(text))
        {
            if (CrossReference().IsMatch(block))
            {
                continue;
            }

            if (HeadingText(block) is { } heading)
            {
                current = IsQuestionLike(heading) ? [] : null;
                if (current is not null)
                {
                    sections.Add((heading, current));
                }
            }
            else
            {
                current?.Add(block);
            }
        }

        var entries = sections
            .Where(s => s.Paragraphs.Count > 0)
            .Select(s => new FaqEntryContent(
                ids.Reserve(null, s.Heading),
                ImportedEntryIds.Title(s.Heading),
                Audience.Patient,
                [s.Heading],
                string.Join("\n\n", s.Paragraphs),
                [],
                $"{sourceName} § {s.Heading}",
                QnaImport.UnassignedOwner,
                today,
                ReviewBy: null,
                Draft: true))
            .ToList();
        if (entries.Count == 0)
        {
            throw new FaqImportException(
                "No question-like headings with text under them were found. Put each question on a line of its own " +
                "(for example 'How long does an infusion take?' or '## What is ketamine?') with its answer in the paragraphs below.");
        }

        return entries;
    }

    /// <summary>True when a heading reads as a question.</summary>
    public static bool IsQuestionLike(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        return heading.TrimEnd().EndsWith('?') || QuestionWord().IsMatch(heading);
    }

    /// <summary>Paragraphs (separated by blank lines; a Markdown heading is always a block of its own), tidied.</summary>
    private static IEnumerable<string> Blocks(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                if (lines.Count > 0)
                {
                    yield return Join(lines);
                    lines.Clear();
                }

                if (line.Length > 0)
                {
                    yield return line;
                }

                continue;
            }

            lines.Add(line);
        }

        if (lines.Count > 0)
        {
            yield return Join(lines);
        }
    }

    // List items stay on their own lines; wrapped prose becomes one line.
    private static string Join(List<string> lines) =>
        lines.Count > 1 && lines.Skip(1).All(l => ListItem().IsMatch(l)) ? string.Join('\n', lines)
        : lines.All(l => ListItem().IsMatch(l)) ? string.Join('\n', lines)
        : string.Join(' ', lines);

    private static string? HeadingText(string block)
    {
        if (block.StartsWith('#'))
        {
            var heading = block.TrimStart('#').Trim();
            return heading.Length > 0 ? heading : null;
        }

        return !block.Contains('\n', StringComparison.Ordinal)
            && block.Length <= MaxHeadingLength
            && !block.EndsWith('.') && !block.EndsWith(':') && !block.EndsWith(';') && !block.EndsWith(',')
            && !ListItem().IsMatch(block)
            ? block
            : null;
    }

    [GeneratedRegex(@"^(what|how|why|when|where|who|which|can|is|are|do|does|will|should)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionWord();

    [GeneratedRegex(@"^(read more|see also|related|learn more|source|sources)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrossReference();

    [GeneratedRegex(@"^(\d+[.)]|[-*•])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();
}
