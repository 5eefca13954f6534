using System.Globalization;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Editing;

namespace Chatbot.Faq.Exchange;

/// <summary>Turns QnA Maker rows into draft entries: one entry per QnA pair, its questions as examples.</summary>
public static class QnaImport
{
    /// <summary>The owner written when the file names none.</summary>
    public const string UnassignedOwner = "Unassigned (imported)";

    /// <summary>
    /// Groups the rows into pairs (by <c>QnaId</c> when the file has it, else by the <c>id</c> metadata, else by the
    /// same answer and source) and makes one draft per pair, keeping the metadata this project writes.
    /// </summary>
    /// <param name="pairs">The rows, from <see cref="QnaTsv.Read"/>.</param>
    /// <param name="ids">The ids in use; new ids are reserved in it.</param>
    /// <param name="today">The import date (lastReviewed when the file has none).</param>
    /// <param name="fileName">The imported file's name, for the source when a row has none.</param>
    public static IReadOnlyList<FaqEntryContent> ToEntries(IReadOnlyList<QnaPair> pairs, ImportedEntryIds ids, DateOnly today, string fileName)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(ids);
        var entries = new List<FaqEntryContent>();
        foreach (var group in pairs.GroupBy(GroupKey, StringComparer.Ordinal))
        {
            var first = group.First();
            var meta = first.Metadata;
            var examples = group.Select(p => p.Question)
                .DistinctBy(ExampleText.Normalize, StringComparer.Ordinal)
                .ToList();
            var audience = FaqEntryContent.TryParseAudience(meta.GetValueOrDefault("audience"), out var parsed) ? parsed : Audience.Patient;
            entries.Add(new FaqEntryContent(
                ids.Reserve(meta.GetValueOrDefault("id"), first.Question),
                ImportedEntryIds.Title(meta.GetValueOrDefault("title") is { Length: > 0 } title ? title : first.Question),
                audience,
                examples,
                first.Answer,
                meta.GetValueOrDefault("followups") is { Length: > 0 } followUps
                    ? followUps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [],
                first.Source.Length > 0 ? first.Source : $"QnA Maker import: {fileName}",
                meta.GetValueOrDefault("owner") is { Length: > 0 } owner ? owner : UnassignedOwner,
                Date(meta.GetValueOrDefault("lastreviewed")) ?? today,
                Date(meta.GetValueOrDefault("reviewby")),
                Draft: true));
        }

        return entries;
    }

    private static string GroupKey(QnaPair pair) =>
        pair.QnaId is { } qnaId ? "q:" + qnaId
        : pair.Metadata.GetValueOrDefault("id") is { Length: > 0 } id ? "i:" + id
        : "a:" + pair.Answer + "\u001f" + pair.Source;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
