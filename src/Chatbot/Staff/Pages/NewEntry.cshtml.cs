using System.Globalization;
using Chatbot.Faq.Exchange;
using Chatbot.Patients.Privacy;
using Chatbot.Staff.Editing;
using Chatbot.Staff.Unanswered;
using Microsoft.AspNetCore.Mvc;

namespace Chatbot.Staff.Pages;

/// <summary>
/// <c>/staff/new</c>: add an entry to a topic file. From the unanswered questions it starts as a draft with those
/// questions as its first examples.
/// </summary>
public sealed class NewEntryModel(FaqEditor editor, UnansweredInbox inbox, PersonalDataRedactor redactor) : StaffPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public EntryForm Form { get; set; } = new();

    /// <summary>The unanswered questions this entry starts from (taken off the list once it is saved).</summary>
    [BindProperty]
    public List<string> FromUnanswered { get; set; } = [];

    /// <summary>The topic files to choose from.</summary>
    public IReadOnlyList<string> TopicFiles { get; private set; } = [];

    /// <summary>An empty form.</summary>
    public void OnGet() => Prepare(draft: false);

    /// <summary>A draft form filled in from a group of unanswered questions.</summary>
    public IActionResult OnPostFromUnanswered()
    {
        Prepare(draft: true);
        FromUnanswered = [.. FromUnanswered.Select(t => redactor.Redact(t).Trim()).Where(t => t.Length > 0)];
        Form.Examples = string.Join('\n', FromUnanswered);
        Form.Title = FromUnanswered.Count > 0 ? ImportedEntryIds.Title(FromUnanswered[0]) : string.Empty;
        Form.Id = FromUnanswered.Count > 0 ? "faq/" + ImportedEntryIds.Slug(FromUnanswered[0]) : string.Empty;
        ModelState.Clear();
        return Page();
    }

    /// <summary>Saves the new entry.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        TopicFiles = editor.TopicFiles();
        var problems = new List<string>();
        var content = Form.ToContent(editor.Today, problems);
        if (content is null)
        {
            Messages.Error = "Not saved: " + string.Join(" ", problems);
            return Page();
        }

        var outcome = await editor.CreateAsync(StaffName, Form.TopicFile, content, cancellationToken);
        if (!outcome.Succeeded)
        {
            Messages.Error = outcome.Message;
            Messages.Issues = outcome.Issues;
            Response.StatusCode = outcome.Status == EditStatus.Failed ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (FromUnanswered.Count > 0)
        {
            await inbox.MarkAddedAsync(StaffName, content.Id, FromUnanswered, cancellationToken);
        }

        return LocalRedirect("/staff/entry?id=" + Uri.EscapeDataString(content.Id) + "&created=true");
    }

    private void Prepare(bool draft)
    {
        TopicFiles = editor.TopicFiles();
        var today = editor.Today;
        Form = new EntryForm
        {
            Draft = draft,
            TopicFile = TopicFiles.FirstOrDefault(f => f.StartsWith("imported-", StringComparison.Ordinal)) ?? TopicFiles.FirstOrDefault() ?? string.Empty,
            LastReviewed = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReviewBy = today.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Owner = "Clinical content team",
            Source = "Clinic policy: no source fact — refer to care team",
        };
    }
}
