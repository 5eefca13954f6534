using System.Globalization;
using Chatbot.Clinic.Feedback;
using Chatbot.Patients;
using Chatbot.Staff.Editing;
using Chatbot.Staff.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Staff;

namespace Chatbot.Staff.Pages;

/// <summary>
/// <c>/staff/entry?id=…</c>: edit an entry's answer, examples and review dates. A save is validated with the whole
/// data folder first (errors shown here, nothing written) and refused when someone else changed the entry since it
/// was loaded (ETag). Patients' 👍/👎 votes of the last <see cref="StaffOptions.FeedbackDays"/> days are shown per
/// model version.
/// </summary>
public sealed class EntryModel(FaqEditor editor, IStaffAuditLog audit, StaffFeedback feedback, IOptions<StaffOptions> options, ClinicClock clock) : StaffPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public EntryForm Form { get; set; } = new();

    /// <summary>The entry's file (display path).</summary>
    public string FilePath { get; private set; } = string.Empty;

    /// <summary>True when the review-by date has passed.</summary>
    public bool Overdue { get; private set; }

    /// <summary>The example count as saved.</summary>
    public int ExampleTotal { get; private set; }

    /// <summary>The entry's recent changes.</summary>
    public IReadOnlyList<StaffAuditRecord> History { get; private set; } = [];

    /// <summary>The feedback period in days.</summary>
    public int FeedbackDays => options.Value.FeedbackDays;

    /// <summary>False when the votes could not be read ("feedback unavailable").</summary>
    public bool FeedbackAvailable { get; private set; }

    /// <summary>The entry's votes in the period, or null (none, or unavailable).</summary>
    public EntryFeedback? Feedback { get; private set; }

    /// <summary>The entry's votes per model version, the newest vote first.</summary>
    public IReadOnlyList<AnswerFeedbackCount> FeedbackByModel { get; private set; } = [];

    /// <summary>Shows the entry.</summary>
    public async Task<IActionResult> OnGetAsync(string? id, bool created, CancellationToken cancellationToken)
    {
        var workspace = editor.Load();
        var entry = id is null ? null : workspace.Find(id);
        if (entry is null)
        {
            return NotFound();
        }

        Form = EntryForm.From(entry, await editor.ETagAsync(entry, cancellationToken) ?? string.Empty);
        await DescribeAsync(workspace, entry.Id, cancellationToken);
        Messages.Issues = workspace.IssuesOf(entry);
        Messages.Success = created ? $"Created {entry.Id} in {entry.File}. The bot answers with it once it is published{(entry.Draft ? " and no longer a draft" : string.Empty)}." : null;
        return Page();
    }

    /// <summary>Saves the entry.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var content = Form.ToContent(editor.Today, problems);
        if (content is null)
        {
            Messages.Error = "Not saved: " + string.Join(" ", problems);
            await DescribeAsync(editor.Load(), Form.Id, cancellationToken);
            return Page();
        }

        var outcome = await editor.SaveAsync(StaffName, content, Form.ETag, cancellationToken);
        var workspace = editor.Load();
        if (outcome.Succeeded && workspace.Find(Form.Id) is { } saved)
        {
            Form = EntryForm.From(saved, outcome.ETag ?? Form.ETag);
            Messages.Success = outcome.Message;
            Messages.Issues = outcome.Issues;
        }
        else
        {
            Messages.Error = outcome.Message;
            Messages.Issues = outcome.Issues;
            Response.StatusCode = outcome.Status switch
            {
                EditStatus.Conflict => StatusCodes.Status409Conflict,
                EditStatus.Invalid => StatusCodes.Status422UnprocessableEntity,
                EditStatus.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status503ServiceUnavailable,
            };
        }

        await DescribeAsync(workspace, Form.Id, cancellationToken);
        return Page();
    }

    /// <summary>A time in the clinic's time zone.</summary>
    public string LocalTime(DateTimeOffset at) => clock.StaffTime(at);

    private async Task DescribeAsync(FaqWorkspace workspace, string id, CancellationToken cancellationToken)
    {
        if (workspace.Find(id) is { } entry)
        {
            FilePath = entry.File;
            Overdue = workspace.IsOverdue(entry);
            ExampleTotal = entry.Examples.Count;
        }

        History = await audit.ListAsync(id, 10, cancellationToken);
        var period = await feedback.ReadAsync(FeedbackDays, cancellationToken);
        FeedbackAvailable = period is not null;
        Feedback = period?.Find(id);
        FeedbackByModel = period?.ByModelVersion(id) ?? [];
    }
}
