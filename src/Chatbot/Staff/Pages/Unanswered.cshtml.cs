using System.Globalization;
using Chatbot.Patients;
using Chatbot.Faq.Dataset;
using Chatbot.Staff.Editing;
using Chatbot.Staff.Unanswered;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Chatbot.Staff.Pages;

/// <summary><c>/staff/unanswered</c>: grouped unanswered questions → examples, a new draft entry, or dismissed.</summary>
public sealed class UnansweredModel(UnansweredInbox inbox, FaqEditor editor, ClinicClock clock, IOptions<StaffOptions> options) : StaffPageModel
{
    /// <summary>The open groups of this page.</summary>
    public IReadOnlyList<UnansweredCluster> Clusters { get; private set; } = [];

    /// <summary>The page shown (from 1), from <c>?p=</c> ("page" is a reserved route value in Razor Pages).</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many pages the open groups fill.</summary>
    public int PageCount { get; private set; } = 1;

    /// <summary>How many groups are open in all.</summary>
    public int TotalGroups { get; private set; }

    /// <summary>Wordings shown per group (the rest are counted, not listed).</summary>
    public int VariantsShown => options.Value.UnansweredPageSize;

    /// <summary>Every entry, for the "add to" list.</summary>
    public IReadOnlyList<FaqEntry> Entries { get; private set; } = [];

    /// <summary>The questions ticked (or of the dismissed group).</summary>
    [BindProperty]
    public List<string> Texts { get; set; } = [];

    /// <summary>The entry to add them to.</summary>
    [BindProperty]
    public string? EntryId { get; set; }

    /// <summary>Lists the groups.</summary>
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Adds the ticked questions to an entry as examples.</summary>
    public async Task OnPostAddExamplesAsync(CancellationToken cancellationToken)
    {
        var outcome = string.IsNullOrEmpty(EntryId)
            ? EditOutcome.Of(EditStatus.Invalid, "Choose the entry to add the questions to.")
            : await inbox.AddAsExamplesAsync(StaffName, EntryId, Texts, cancellationToken);
        if (outcome.Succeeded)
        {
            Messages.Success = $"Added {Texts.Count} question(s) to {EntryId}. {outcome.Message}";
        }
        else
        {
            Messages.Error = outcome.Message;
            Messages.Issues = outcome.Issues;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        await LoadAsync(cancellationToken);
    }

    /// <summary>Dismisses a group as noise.</summary>
    public async Task OnPostDismissAsync(CancellationToken cancellationToken)
    {
        await inbox.DismissAsync(StaffName, Texts, cancellationToken);
        Messages.Success = "Dismissed.";
        await LoadAsync(cancellationToken);
    }

    /// <summary>A time in the clinic's time zone.</summary>
    public string LocalTime(DateTimeOffset at) => clock.StaffTime(at);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var workspace = editor.Load();
        Entries = [.. workspace.AllEntries.Where(e => e.Id != FaqEntry.OutOfScopeId).OrderBy(e => e.Id, StringComparer.Ordinal)];
        // Paged so that the page stays small whatever patients typed: groups per page and wordings per group are bounded.
        var all = await inbox.ListAsync(workspace, cancellationToken);
        var size = options.Value.UnansweredPageSize;
        TotalGroups = all.Count;
        PageCount = Math.Max(1, (all.Count + size - 1) / size);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Clusters = [.. all.Skip((PageNumber - 1) * size).Take(size)];
    }
}
