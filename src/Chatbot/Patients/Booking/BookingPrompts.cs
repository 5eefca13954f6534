using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Bookings;
using Chatbot.Patients;
using Microsoft.Extensions.Options;

namespace Chatbot.Patients.Booking;

/// <summary>The booking dialog's questions: one per step, the summary before sending, and the card.</summary>
public sealed class BookingPrompts(IOptions<ClinicOptions> clinicOptions)
{
    private readonly ClinicOptions _clinic = clinicOptions.Value;

    /// <summary>Asks for the first answer still missing; with the card, shows it again with what needs another look.</summary>
    public async Task<BookingTurnOutcome> AskNextAsync(ITurnContext turn, BookingDraft draft, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        var next = draft.NextMissingStep();
        if (draft.UsesCard && problems.Count > 0)
        {
            draft.Step = next;
            await turn.SendActivityAsync(WithCard("A few details need another look:", draft, problems), cancellationToken);
            return BookingTurnOutcome.Waiting;
        }

        await AskAsync(turn, draft, next, cancellationToken);
        return BookingTurnOutcome.Waiting;
    }

    /// <summary>Asks the question of <paramref name="step"/>, after <paramref name="problem"/> when there is one.</summary>
    public async Task AskAsync(ITurnContext turn, BookingDraft draft, BookingStep step, CancellationToken cancellationToken, string? problem = null)
    {
        draft.Step = step;
        var lead = problem is null ? string.Empty : problem + "\n\n";
        var activity = step switch
        {
            BookingStep.Reason => Message(lead + "What would you like to book?", Enum.GetValues<BookingReason>().Select(BookingText.ReasonTitle).ToArray()),
            BookingStep.Name => Message(lead + "What's your name? (We only use it to contact you about this request.)", []),
            BookingStep.Contact => Message(lead + "What's the best phone number or e-mail address to reach you?", []),
            BookingStep.PreferredTime => Message(lead + $"When would you like to come in? For example \"next Tuesday afternoon\" or \"mornings this week\". We're open {_clinic.Hours}.", []),
            BookingStep.ChooseChange => Message(lead + "What would you like to change?", ["Reason", "Name", "Contact details", "Preferred time", "Cancel"]),
            _ => Message(lead + Summary(draft) + "\n\nShall I send this request to our team?", ["Yes, send it", "Change something", "Cancel"]),
        };
        await turn.SendActivityAsync(activity, cancellationToken);
    }

    private string Summary(BookingDraft draft)
    {
        var contact = string.Join(" / ", new[] { draft.Phone is null ? null : ContactDetails.FormatPhone(draft.Phone), draft.Email }.OfType<string>());
        return "Here's your request:\n\n" +
            $"- **Reason:** {(draft.Reason is { } r ? BookingText.ReasonTitle(r) : "—")}\n" +
            $"- **Name:** {draft.Name}\n" +
            $"- **Contact:** {contact}\n" +
            $"- **Preferred time:** {draft.PreferredTimes}";
    }

    /// <summary>A message with the booking card, filled in with what the draft has.</summary>
    public Activity WithCard(string text, BookingDraft draft, IReadOnlyList<string> problems)
    {
        var activity = Message(text, []);
        activity.Attachments = [BookingCard.Create(draft, _clinic.Hours, problems)];
        return activity;
    }

    /// <summary>A message that expects an answer, with <paramref name="buttons"/> as suggested actions.</summary>
    public static Activity Message(string text, string[] buttons) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = TextFormats.Markdown,
        InputHint = InputHints.ExpectingInput,
        SuggestedActions = buttons.Length == 0 ? null : new SuggestedActions { Actions = buttons.Select(b => CardAction.ImBack(b)).ToList() },
    };
}
