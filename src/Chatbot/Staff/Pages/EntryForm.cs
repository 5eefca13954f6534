using System.Globalization;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Editing;

namespace Chatbot.Staff.Pages;

/// <summary>The fields of the entry form (edit and new), as typed; converted to <see cref="FaqEntryContent"/> on save.</summary>
public sealed class EntryForm
{
    /// <summary>The id (read-only once the entry exists).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The button title.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary><c>patient</c>, <c>staff</c> or <c>both</c>.</summary>
    public string Audience { get; set; } = "patient";

    /// <summary>Example questions, one per line.</summary>
    public string Examples { get; set; } = string.Empty;

    /// <summary>The answer (Markdown).</summary>
    public string Answer { get; set; } = string.Empty;

    /// <summary>Follow-up ids, separated by commas, spaces or lines.</summary>
    public string FollowUps { get; set; } = string.Empty;

    /// <summary>The source.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The owner.</summary>
    public string Owner { get; set; } = string.Empty;

    /// <summary>Last reviewed, YYYY-MM-DD.</summary>
    public string LastReviewed { get; set; } = string.Empty;

    /// <summary>Review by, YYYY-MM-DD, or empty.</summary>
    public string ReviewBy { get; set; } = string.Empty;

    /// <summary>True while the entry is a draft.</summary>
    public bool Draft { get; set; }

    /// <summary>When ticked, lastReviewed becomes today and reviewBy six months from today.</summary>
    public bool ReviewedToday { get; set; }

    /// <summary>The entry's version when the form was loaded (empty for a new entry).</summary>
    public string ETag { get; set; } = string.Empty;

    /// <summary>The topic file of a new entry.</summary>
    public string TopicFile { get; set; } = string.Empty;

    /// <summary>The number of example questions typed.</summary>
    public int ExampleCount => Lines(Examples).Count;

    /// <summary>The form for an existing entry.</summary>
    public static EntryForm From(FaqEntry entry, string etag)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new EntryForm
        {
            Id = entry.Id,
            Title = entry.Title,
            Audience = FaqEntryContent.AudienceName(entry.Audience),
            Examples = string.Join('\n', entry.Examples),
            Answer = entry.Answer,
            FollowUps = string.Join(", ", entry.FollowUps),
            Source = entry.Source,
            Owner = entry.Owner,
            LastReviewed = entry.LastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReviewBy = entry.ReviewBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            Draft = entry.Draft,
            ETag = etag,
            TopicFile = Path.GetFileName(entry.File),
        };
    }

    /// <summary>The content to save, or null with the reasons the form itself is unusable (dates, audience).</summary>
    public FaqEntryContent? ToContent(DateOnly today, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!FaqEntryContent.TryParseAudience(Audience, out var audience))
        {
            problems.Add("Choose who may see the answer: patient, staff or both.");
        }

        var lastReviewed = ReviewedToday ? today : ParseDate(LastReviewed, "Last reviewed", problems, required: true);
        var reviewBy = ReviewedToday ? today.AddMonths(6) : ParseDate(ReviewBy, "Review by", problems, required: false);
        if (problems.Count > 0)
        {
            return null;
        }

        return new FaqEntryContent(
            Id.Trim(),
            Title.Trim(),
            audience,
            Lines(Examples),
            Answer.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            FollowUps.Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Source.Trim(),
            Owner.Trim(),
            lastReviewed ?? today,
            reviewBy,
            Draft);
    }

    private static List<string> Lines(string text) =>
        [.. (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static DateOnly? ParseDate(string text, string label, List<string> problems, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add($"{label} needs a date (YYYY-MM-DD).");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{label} '{text}' is not a date written as YYYY-MM-DD.");
        return null;
    }
}
