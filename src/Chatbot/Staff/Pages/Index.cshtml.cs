using System.Globalization;
using Chatbot.Patients;
using Chatbot.Faq.Dataset;
using Chatbot.Clinic.Feedback;
using Chatbot.Staff.Editing;
using Chatbot.Staff.Feedback;
using Chatbot.Staff.Publishing;
using Microsoft.Extensions.Options;

namespace Chatbot.Staff.Pages;

/// <summary>
/// <c>/staff</c>: browse and search the entries; overdue reviews, drafts and problems are flagged, and each entry shows
/// patients' 👍/👎 votes of the last <see cref="StaffOptions.FeedbackDays"/> days.
/// </summary>
public sealed class IndexModel(FaqEditor editor, IStaffPublisher publisher, StaffFeedback feedback, IOptions<StaffOptions> options, ClinicClock clock) : StaffPageModel
{
    /// <summary>One row of the table.</summary>
    /// <param name="Entry">The entry.</param>
    /// <param name="Overdue">True when its review-by date has passed.</param>
    /// <param name="Errors">Its validation errors.</param>
    /// <param name="Warnings">Its validation warnings.</param>
    public sealed record Row(FaqEntry Entry, bool Overdue, int Errors, int Warnings);

    /// <summary>The search text.</summary>
    public string? Query { get; private set; }

    /// <summary>The filter: drafts, overdue, problems, disliked (any 👎, the most first), or all.</summary>
    public string? Show { get; private set; }

    /// <summary>The entries shown.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Published entries.</summary>
    public int Published { get; private set; }

    /// <summary>Draft entries.</summary>
    public int Drafts { get; private set; }

    /// <summary>Entries past their review-by date.</summary>
    public int Overdue { get; private set; }

    /// <summary>Validation errors in the data folder.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Validation warnings in the data folder.</summary>
    public int WarningCount { get; private set; }

    /// <summary>The last publish, if any.</summary>
    public StaffPublishResult? LastPublish { get; private set; }

    /// <summary>Patients' votes of the period, or null when they could not be read ("feedback unavailable").</summary>
    public AnswerFeedbackPeriod? Feedback { get; private set; }

    /// <summary>The feedback period in days.</summary>
    public int FeedbackDays => options.Value.FeedbackDays;

    /// <summary>Lists the entries.</summary>
    public async Task OnGetAsync(string? q, string? show, CancellationToken cancellationToken)
    {
        Query = q;
        Show = show;
        var workspace = editor.Load();
        Published = workspace.Dataset.Entries.Count;
        Drafts = workspace.Dataset.Drafts.Count;
        ErrorCount = workspace.Issues.Count(i => i.IsError);
        WarningCount = workspace.Issues.Count - ErrorCount;
        LastPublish = publisher.History(1).FirstOrDefault();
        Feedback = await feedback.ReadAsync(FeedbackDays, cancellationToken);
        var rows = workspace.AllEntries.Select(e =>
        {
            var issues = workspace.IssuesOf(e);
            return new Row(e, workspace.IsOverdue(e), issues.Count(i => i.IsError), issues.Count(i => !i.IsError));
        }).ToList();
        Overdue = rows.Count(r => r.Overdue);
        var needle = string.IsNullOrWhiteSpace(q) ? null : ExampleText.Normalize(q);
        Rows =
        [
            .. rows.Where(r => show switch
                {
                    "drafts" => r.Entry.Draft,
                    "overdue" => r.Overdue,
                    "problems" => r.Errors + r.Warnings > 0,
                    "disliked" => FeedbackOf(r.Entry)?.NotHelpful > 0,
                    _ => true,
                })
                .Where(r => needle is null || Matches(r.Entry, needle))
                .OrderByDescending(r => show == "disliked" ? FeedbackOf(r.Entry)?.NotHelpful : 0)
                .ThenByDescending(r => r.Errors).ThenByDescending(r => r.Overdue).ThenBy(r => r.Entry.Id, StringComparer.Ordinal),
        ];
        if (ErrorCount > 0)
        {
            Messages.Error = $"The FAQ files have {ErrorCount} error(s): the bot keeps answering with the last published version until they are fixed.";
            Messages.Issues = [.. workspace.Issues.Where(i => i.IsError).Take(20)];
        }
    }

    /// <summary>The votes on <paramref name="entry"/> in the period, or null (none, or feedback unavailable).</summary>
    public EntryFeedback? FeedbackOf(FaqEntry entry) => Feedback?.Find(entry.Id);

    /// <summary>A time in the clinic's time zone.</summary>
    public string LocalTime(DateTimeOffset at) => clock.StaffTime(at);

    private static bool Matches(FaqEntry entry, string needle) =>
        entry.Id.Contains(needle.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)
        || ExampleText.Normalize(entry.Title).Contains(needle, StringComparison.Ordinal)
        || ExampleText.Normalize(entry.Answer).Contains(needle, StringComparison.Ordinal)
        || entry.Examples.Any(x => ExampleText.Normalize(x).Contains(needle, StringComparison.Ordinal));
}
