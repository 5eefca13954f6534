using System.Globalization;
using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Staff;
using Chatbot.Patients;
using Chatbot.Patients.Handoff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Chatbot.Staff.Pages;

/// <summary>
/// <c>/staff/handoffs</c>: the live chats for clinics without Teams. Lists the open live hand-offs; a staff member takes
/// one here, reads what the patient writes (polled by staff.js) and replies, and either side can end it.
/// </summary>
public sealed class HandoffsModel(
    LiveHandoffService liveHandoffs, LiveHandoffEnding endings, IStaffAuditLog audit, ClinicClock clock, IOptions<ClinicOptions> clinic, TimeProvider timeProvider) : StaffPageModel
{
    /// <summary>The open live hand-offs, the longest waiting first.</summary>
    public IReadOnlyList<LiveHandoff> Open { get; private set; } = [];

    /// <summary>The hand-off shown, or null for the list.</summary>
    public LiveHandoff? Chat { get; private set; }

    /// <summary>Its messages so far.</summary>
    public IReadOnlyList<LiveHandoffMessage> ChatMessages { get; private set; } = [];

    /// <summary>The hand-off a form acts on (<c>?reference=</c> on the chat view).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    /// <summary>The reply typed.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The clinic's time zone, in which times are shown.</summary>
    public string TimeZone => clinic.Value.TimeZone;

    /// <summary>True when this page may reply in <see cref="Chat"/>: it was taken here, not in Teams.</summary>
    public bool MayReply => Chat is { Status: LiveHandoffStatus.Taken, Seat.Channel: LiveHandoffSeat.StaffPageChannel };

    /// <summary>The list, or one chat when <see cref="Reference"/> is given.</summary>
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>New messages of a chat after <paramref name="after"/>, for staff.js to append (JSON).</summary>
    public async Task<IActionResult> OnGetMessagesAsync(long after, CancellationToken cancellationToken)
    {
        var handoff = Reference is null ? null : await liveHandoffs.GetAsync(Reference, cancellationToken);
        if (handoff is null)
        {
            return NotFound();
        }

        var messages = await liveHandoffs.ReadMessagesAsync(handoff.Reference, after, cancellationToken);
        return new JsonResult(new
        {
            status = handoff.Status.ToString(),
            messages = messages.Select(m => new { sequence = m.Sequence, at = LocalTime(m.At), who = Who(m), sender = m.Sender.ToString(), text = m.Text }),
        });
    }

    /// <summary>Takes the hand-off on this page.</summary>
    public async Task<IActionResult> OnPostTakeAsync(CancellationToken cancellationToken)
    {
        var (outcome, handoff) = await liveHandoffs.TakeAsync(Reference ?? string.Empty, "staff page: " + StaffName, LiveHandoffMessages.FirstName(StaffName), LiveHandoffSeat.StaffPage, cancellationToken);
        if (outcome != TakeOutcome.Taken)
        {
            Messages.Error = Teams.LiveHandoffCards.Refusal(Reference ?? string.Empty, outcome, handoff).Replace("**", string.Empty, StringComparison.Ordinal);
            Reference = null;
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await AuditAsync(StaffAuditActions.HandoffTake, handoff!.Reference, cancellationToken);
        return RedirectToPage(new { reference = handoff.Reference });
    }

    /// <summary>Sends a reply to the patient.</summary>
    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Chat is null || !MayReply)
        {
            Messages.Error = "This chat is not held on the staff page any more: it ended, timed out, or is taken in Teams.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            Messages.Error = "Type a message first.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (!await liveHandoffs.StaffReplyAsync(Chat, LiveHandoffMessages.FirstName(StaffName), Text, cancellationToken))
        {
            Messages.Error = "The patient's chat has closed, so the message could not reach them. The live chat is over.";
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage(new { reference = Chat.Reference });
    }

    /// <summary>Ends the chat: the patient is told and the bot answers them again.</summary>
    public async Task<IActionResult> OnPostEndAsync(CancellationToken cancellationToken)
    {
        var ended = await endings.EndAsync(Reference ?? string.Empty, "staff page: " + StaffName, cancellationToken);
        Messages.Success = ended is null ? $"{Reference} had already ended." : $"Ended {ended.Reference}: the patient was told, and the bot answers them again.";
        if (ended is not null)
        {
            await AuditAsync(StaffAuditActions.HandoffEnd, ended.Reference, cancellationToken);
        }

        Reference = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A time in the clinic's time zone.</summary>
    public string LocalTime(DateTimeOffset at) => clock.ToLocal(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Who wrote a message, as the page shows it.</summary>
    public static string Who(LiveHandoffMessage message) => message.Sender switch
    {
        LiveHandoffSender.Patient => "Patient",
        LiveHandoffSender.Staff => message.SenderName + " (staff)",
        _ => "Bot",
    };

    // Who took or ended which patient's chat, never what was said.
    private Task AuditAsync(string action, string reference, CancellationToken cancellationToken) =>
        audit.AppendAsync(new StaffAuditRecord(0, timeProvider.GetUtcNow(), StaffName, action, null, null, null, null, reference), cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Open = await liveHandoffs.ListOpenAsync(cancellationToken);
        Chat = Reference is { Length: > 0 } reference ? await liveHandoffs.GetAsync(reference, cancellationToken) : null;
        ChatMessages = Chat is { IsOpen: true } ? await liveHandoffs.ReadMessagesAsync(Chat.Reference, 0, cancellationToken) : [];
    }
}
