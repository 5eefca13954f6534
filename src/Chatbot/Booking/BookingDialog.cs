using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Conversation;
using Chatbot.Knowledge;
using Chatbot.Notifications;
using Chatbot.Telemetry;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Booking;

/// <summary>How a booking turn ended.</summary>
public enum BookingTurnOutcome
{
    /// <summary>The dialog is waiting for the next answer.</summary>
    Waiting,

    /// <summary>The dialog finished (sent, cancelled, or link given).</summary>
    Ended,

    /// <summary>The patient asked for a person mid-booking: the caller starts a hand-off.</summary>
    HandoffRequested,

    /// <summary>The patient asked to start the whole conversation again: the caller shows the welcome.</summary>
    StartOverRequested,
}

/// <summary>
/// The booking dialog: reason → name → phone or e-mail → preferred times → summary → explicit yes. Text and the
/// Adaptive Card form drive the same steps: a card submit fills several answers at once, then the dialog continues
/// at the first one still missing or invalid. The request is written to the database before the patient is told it
/// was received.
/// </summary>
public sealed partial class BookingDialog(
    PreferredTimeParser timeParser,
    IBookingStore bookings,
    PendingBookingQueue pending,
    IOptions<BookingOptions> bookingOptions,
    IOptions<ClinicOptions> clinicOptions,
    TimeProvider timeProvider,
    BookingInterruptions interruptions,
    BotReplies replies,
    FaqKnowledgeProvider knowledgeProvider,
    ChatbotMetrics metrics,
    ILogger<BookingDialog> logger)
{
    /// <summary>The <see cref="ConversationState.ActiveDialog"/> value while booking.</summary>
    public const string DialogId = "booking";

    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static readonly HashSet<string> CancelWords = new(StringComparer.Ordinal)
    {
        "cancel", "stop", "quit", "exit", "never mind", "nevermind", "forget it", "cancel booking", "cancel the booking", "cancel this", "no thanks", "abort",
    };

    private static readonly HashSet<string> RestartWords = new(StringComparer.Ordinal) { "start over", "restart", "start again", "begin again", "reset" };
    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal) { "yes", "y", "yes send it", "yes please", "send it", "send", "confirm", "correct", "yep", "yeah", "sure", "ok", "okay", "that s right", "thats right", "looks good" };
    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal) { "no", "n", "change something", "change", "edit", "not quite", "wrong", "nope" };

    private readonly ClinicOptions _clinic = clinicOptions.Value;

    /// <summary>Starts booking, using a reason already recognisable in <paramref name="text"/> ("reschedule my infusion").</summary>
    public async Task<BookingTurnOutcome> BeginAsync(ITurnContext turn, ConversationState state, string? text, CancellationToken cancellationToken)
    {
        if (bookingOptions.Value.Mode == BookingMode.Link)
        {
            await SendLinkAsync(turn, BookingText.ParseReason(text), cancellationToken);
            return BookingTurnOutcome.Ended;
        }

        var draft = new BookingDraft { Reason = BookingText.ParseReason(text), UsesCard = BookingCard.IsSupportedOn(turn.Activity.ChannelId) };
        state.ActiveDialog = DialogId;
        state.Booking = draft;
        if (draft.UsesCard)
        {
            await turn.SendActivityAsync(
                WithCard("I can help you request an appointment. Fill in the form below — or, if you prefer, just type your answers and I'll ask one question at a time. You can say **cancel** at any point.", draft, []),
                cancellationToken);
            draft.Step = draft.NextMissingStep();
            return BookingTurnOutcome.Waiting;
        }

        await turn.SendActivityAsync("I can help you request an appointment. You can say **cancel** at any point.", cancellationToken);
        await AskAsync(turn, draft, draft.NextMissingStep(), cancellationToken);
        return BookingTurnOutcome.Waiting;
    }

    /// <summary>Continues with the patient's answer (typed text or a card submit in <c>value</c>).</summary>
    public async Task<BookingTurnOutcome> ContinueAsync(ITurnContext turn, ConversationState state, string text, CancellationToken cancellationToken)
    {
        var draft = state.Booking ??= new BookingDraft();
        var normalized = Normalize(text);
        var value = turn.Activity.Value as JObject;
        var action = (string?)value?["action"];

        if (CancelWords.Contains(normalized) || action == BookingCard.CancelAction)
        {
            End(state);
            await turn.SendActivityAsync(Message("OK, I've cancelled this booking request — nothing was sent. Is there anything else I can help with?", [BotReplies.BookTitle, BotReplies.TalkToPersonTitle]), cancellationToken);
            return BookingTurnOutcome.Ended;
        }

        if (RestartWords.Contains(normalized))
        {
            state.Booking = new BookingDraft { UsesCard = draft.UsesCard };
            await turn.SendActivityAsync("Let's start the booking request again.", cancellationToken);
            return await AskNextAsync(turn, state.Booking, [], cancellationToken);
        }

        if (normalized == Normalize(BotReplies.TalkToPersonTitle) || HandoffWords().IsMatch(normalized))
        {
            End(state);
            return BookingTurnOutcome.HandoffRequested;
        }

        if (action == BookingCard.SubmitAction && value is not null)
        {
            draft.UsesCard = true;
            var problems = ApplyCard(draft, value);
            return await AskNextAsync(turn, draft, problems, cancellationToken);
        }

        if (!IsStepWord(draft.Step, normalized) && await HandleInterruptionAsync(turn, state, draft, text, cancellationToken) is { } interrupted)
        {
            return interrupted;
        }

        return draft.Step switch
        {
            BookingStep.Confirm => await ConfirmAsync(turn, state, draft, normalized, cancellationToken),
            BookingStep.ChooseChange => await ChooseChangeAsync(turn, draft, normalized, cancellationToken),
            _ => await AnswerStepAsync(turn, draft, text, cancellationToken),
        };
    }

    /// <summary>
    /// People interrupt: a question mid-booking gets its answer and the booking resumes where it was; a cancel or a
    /// restart in any wording ends it; a correction of an earlier answer updates that answer.
    /// </summary>
    private async Task<BookingTurnOutcome?> HandleInterruptionAsync(ITurnContext turn, ConversationState state, BookingDraft draft, string text, CancellationToken cancellationToken)
    {
        // A valid answer to a step that checks its answers (a phone number at the contact step) is that answer, even
        // if the classifier would read it otherwise ("312 555 0123" looks like "what's your phone number").
        if (IsValidAnswer(draft.Step, text))
        {
            return null;
        }

        var interruption = interruptions.Classify(text, draft.Step, draft);
        switch (interruption.Kind)
        {
            case BookingInterruptionKind.Cancel:
                End(state);
                await turn.SendActivityAsync(Message("OK, I've cancelled this booking request — nothing was sent. Is there anything else I can help with?", [BotReplies.BookTitle, BotReplies.TalkToPersonTitle]), cancellationToken);
                return BookingTurnOutcome.Ended;
            case BookingInterruptionKind.StartOver:
                End(state);
                return BookingTurnOutcome.StartOverRequested;
            case BookingInterruptionKind.Handoff:
                End(state);
                return BookingTurnOutcome.HandoffRequested;
            case BookingInterruptionKind.Question when knowledgeProvider.Current is { } knowledge:
                var answer = interruption.Answer!;
                await turn.SendActivityAsync(
                    answer.Kind == Faq.Answering.AnswerKind.ClinicianReferral ? replies.ClinicianReferral(answer.Entry!) : replies.Answer(answer.Entry!, knowledge, staffAudience: false),
                    cancellationToken);
                await AskAsync(turn, draft, draft.Step, cancellationToken, "Now, back to your booking request.");
                return BookingTurnOutcome.Waiting;
            case BookingInterruptionKind.Correction:
                draft.Phone = interruption.Phone ?? draft.Phone;
                draft.Email = interruption.Email ?? draft.Email;
                draft.Name = interruption.Name ?? draft.Name;
                var what = interruption.Name is not null ? "your name" : "your contact details";
                await AskAsync(turn, draft, draft.Step, cancellationToken, $"Thanks — I've updated {what}.");
                return BookingTurnOutcome.Waiting;
            default:
                return null;
        }
    }

    private bool IsValidAnswer(BookingStep step, string text) => step switch
    {
        BookingStep.Reason => BookingText.ParseReason(text) is not null,
        BookingStep.Contact => ContactDetails.TryParse(text, out _, out _),
        BookingStep.PreferredTime => timeParser.Parse(text).IsValid,
        _ => false,
    };

    /// <summary>The words the summary and change steps take as their own answers (yes, no, which part to change).</summary>
    private static bool IsStepWord(BookingStep step, string normalized) => step switch
    {
        BookingStep.Confirm => YesWords.Contains(normalized) || NoWords.Contains(normalized),
        BookingStep.ChooseChange => normalized is "reason" or "name" or "contact details" or "preferred time" or "contact" or "time",
        _ => false,
    };

    private async Task<BookingTurnOutcome> AnswerStepAsync(ITurnContext turn, BookingDraft draft, string text, CancellationToken cancellationToken)
    {
        var problem = Apply(draft, draft.Step, text);
        if (problem is null)
        {
            draft.Retries = 0;
            return await AskNextAsync(turn, draft, [], cancellationToken);
        }

        draft.Retries++;
        var suffix = draft.Retries >= 3 ? $" If it's easier, you can call us at {_clinic.Phone}." : string.Empty;
        await AskAsync(turn, draft, draft.Step, cancellationToken, problem + suffix);
        return BookingTurnOutcome.Waiting;
    }

    /// <summary>Validates one answer and stores it in the draft; returns a patient-facing problem, or null.</summary>
    private string? Apply(BookingDraft draft, BookingStep step, string? text)
    {
        switch (step)
        {
            case BookingStep.Reason:
                var reason = BookingText.ParseReason(text);
                if (reason is null)
                {
                    return "Sorry, I didn't catch what you'd like to book. Please choose one of the options.";
                }

                draft.Reason = reason;
                return null;
            case BookingStep.Name:
                var name = CleanName(text);
                if (name is null)
                {
                    return "Please type your name using letters only (for example: Jordan Lee).";
                }

                draft.Name = name;
                return null;
            case BookingStep.Contact:
                if (!ContactDetails.TryParse(text, out var phone, out var email))
                {
                    return "That doesn't look like a phone number or e-mail address. Please type a US phone number like (312) 555-0123, or an e-mail like name@example.com.";
                }

                draft.Phone = phone ?? draft.Phone;
                draft.Email = email ?? draft.Email;
                return null;
            case BookingStep.PreferredTime:
                var result = timeParser.Parse(text);
                if (!result.IsValid)
                {
                    return result.Problem ?? "Sorry, I didn't understand that day or time.";
                }

                draft.PreferredTimes = result.Description;
                return null;
            default:
                return null;
        }
    }

    private List<string> ApplyCard(BookingDraft draft, JObject value)
    {
        var problems = new List<string>();
        void Field(BookingStep step, string? input, string missing)
        {
            if (string.IsNullOrWhiteSpace(input))
            {
                problems.Add(missing);
                return;
            }

            if (Apply(draft, step, input) is { } problem)
            {
                problems.Add(problem);
            }
        }

        Field(BookingStep.Reason, (string?)value["reason"], "Please choose what you would like to book.");
        Field(BookingStep.Name, (string?)value["name"], "Please enter your name.");
        var phone = (string?)value["phone"];
        var email = (string?)value["email"];
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email))
        {
            problems.Add("Please enter a phone number or an e-mail address, so our team can reach you.");
        }
        else
        {
            draft.Phone = null;
            draft.Email = null;
            if (!string.IsNullOrWhiteSpace(phone) && ContactDetails.NormalizePhone(phone) is not { } normalizedPhone)
            {
                problems.Add("That phone number doesn't look right. Please use a format like (312) 555-0123.");
            }
            else if (!string.IsNullOrWhiteSpace(phone))
            {
                draft.Phone = ContactDetails.NormalizePhone(phone);
            }

            if (!string.IsNullOrWhiteSpace(email))
            {
                if (ContactDetails.TryParse(email, out _, out var parsedEmail) && parsedEmail is not null)
                {
                    draft.Email = parsedEmail;
                }
                else
                {
                    problems.Add("That e-mail address doesn't look right. Please use a format like name@example.com.");
                }
            }
        }

        Field(BookingStep.PreferredTime, (string?)value["preferredTime"], "Please tell us when you would like to come in.");
        return problems;
    }

    private async Task<BookingTurnOutcome> AskNextAsync(ITurnContext turn, BookingDraft draft, IReadOnlyList<string> problems, CancellationToken cancellationToken)
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

    private async Task AskAsync(ITurnContext turn, BookingDraft draft, BookingStep step, CancellationToken cancellationToken, string? problem = null)
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

    private async Task<BookingTurnOutcome> ChooseChangeAsync(ITurnContext turn, BookingDraft draft, string normalized, CancellationToken cancellationToken)
    {
        BookingStep? step = normalized switch
        {
            _ when normalized.Contains("reason", StringComparison.Ordinal) || normalized.Contains("type", StringComparison.Ordinal) => BookingStep.Reason,
            _ when normalized.Contains("name", StringComparison.Ordinal) => BookingStep.Name,
            _ when normalized.Contains("contact", StringComparison.Ordinal) || normalized.Contains("phone", StringComparison.Ordinal) || normalized.Contains("mail", StringComparison.Ordinal) => BookingStep.Contact,
            _ when normalized.Contains("time", StringComparison.Ordinal) || normalized.Contains("day", StringComparison.Ordinal) || normalized.Contains("date", StringComparison.Ordinal) => BookingStep.PreferredTime,
            _ => null,
        };
        if (step is null)
        {
            await AskAsync(turn, draft, BookingStep.ChooseChange, cancellationToken, "Sorry, which part would you like to change?");
            return BookingTurnOutcome.Waiting;
        }

        switch (step)
        {
            case BookingStep.Reason: draft.Reason = null; break;
            case BookingStep.Name: draft.Name = null; break;
            case BookingStep.Contact: draft.Phone = null; draft.Email = null; break;
            case BookingStep.PreferredTime: draft.PreferredTimes = null; break;
        }

        await AskAsync(turn, draft, step.Value, cancellationToken);
        return BookingTurnOutcome.Waiting;
    }

    private async Task<BookingTurnOutcome> ConfirmAsync(ITurnContext turn, ConversationState state, BookingDraft draft, string normalized, CancellationToken cancellationToken)
    {
        if (NoWords.Contains(normalized))
        {
            await AskAsync(turn, draft, BookingStep.ChooseChange, cancellationToken);
            return BookingTurnOutcome.Waiting;
        }

        if (!YesWords.Contains(normalized))
        {
            await AskAsync(turn, draft, BookingStep.Confirm, cancellationToken, "Please answer **yes** to send the request, or **change something**.");
            return BookingTurnOutcome.Waiting;
        }

        if (draft.NextMissingStep() != BookingStep.Confirm)
        {
            return await AskNextAsync(turn, draft, [], cancellationToken);
        }

        var request = CreateRequest(turn.Activity, draft);
        var notification = Notify(request);
        End(state);
        try
        {
            await bookings.AddAsync(request, notification, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never drop a request: keep it in memory and keep retrying; tell the patient to call so nothing is missed.
            pending.Enqueue(request, notification);
            Log.BookingNotSaved(logger, ex, request.Reference);
            metrics.BookingRequested(saved: false, viaLink: false);
            await turn.SendActivityAsync(
                $"I'm sorry — our booking system couldn't save your request just now. Please call us at {_clinic.Phone} ({_clinic.Hours}) so nothing is missed. " +
                $"I've kept your request (reference **{request.Reference}**) and will keep trying to send it to our team.",
                cancellationToken);
            return BookingTurnOutcome.Ended;
        }

        Log.BookingSaved(logger, request.Reference, request.Reason);
        metrics.BookingRequested(saved: true, viaLink: false);
        var firstName = request.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? request.Name;
        await turn.SendActivityAsync(
            $"Thank you, {firstName}. Your request has been received. Your reference number is **{request.Reference}**.\n\n" +
            $"Our team will contact you {_clinic.CallbackTime} to confirm a time — nothing is booked until they do. " +
            $"If you need to change anything, call us at {_clinic.Phone}.",
            cancellationToken);
        return BookingTurnOutcome.Ended;
    }

    private async Task SendLinkAsync(ITurnContext turn, BookingReason? reason, CancellationToken cancellationToken)
    {
        var options = bookingOptions.Value;
        var now = timeProvider.GetUtcNow();
        var request = new BookingRequest(NewReference(), now, reason ?? BookingReason.NewPatientConsultation, string.Empty, null, null,
            "Sent to the online scheduler", turn.Activity.ChannelId ?? "unknown", turn.Activity.Conversation?.Id ?? "unknown",
            BookingStatus.New, now, "bot", ViaLink: true);
        var saved = true;
        try
        {
            await bookings.AddAsync(request, Notify(request), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            saved = false;
            pending.Enqueue(request, Notify(request));
            Log.BookingNotSaved(logger, ex, request.Reference);
        }

        metrics.BookingRequested(saved, viaLink: true);

        var activity = Message($"You can choose a time in our online scheduler. If you'd rather talk to someone, call us at {_clinic.Phone} ({_clinic.Hours}).", []);
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = [new CardAction { Type = ActionTypes.OpenUrl, Title = "Open online booking", Value = options.LinkUrl!.AbsoluteUri }, CardAction.ImBack(BotReplies.TalkToPersonTitle)],
        };
        await turn.SendActivityAsync(activity, cancellationToken);
    }

    private BookingRequest CreateRequest(Activity activity, BookingDraft draft)
    {
        var now = timeProvider.GetUtcNow();
        return new BookingRequest(NewReference(), now, draft.Reason!.Value, draft.Name!, draft.Phone, draft.Email, draft.PreferredTimes!,
            activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown", BookingStatus.New, now, "bot");
    }

    private StaffNotification Notify(BookingRequest request)
    {
        var payload = JsonConvert.SerializeObject(new
        {
            reference = request.Reference,
            reason = BookingText.ReasonTitle(request.Reason),
            name = request.Name,
            phone = request.Phone is null ? null : ContactDetails.FormatPhone(request.Phone),
            email = request.Email,
            preferredTimes = request.PreferredTimes,
            channel = request.Channel,
            viaLink = request.ViaLink,
            receivedAt = request.CreatedAt,
        });
        return new StaffNotification(Guid.NewGuid().ToString("N"), StaffNotificationKind.BookingRequested, request.CreatedAt,
            $"New booking request {request.Reference}: {BookingText.ReasonTitle(request.Reason)}", payload);
    }

    private string NewReference() =>
        bookingOptions.Value.ReferencePrefix + "-" + new string(RandomNumberGenerator.GetItems<char>(ReferenceAlphabet, 6));

    private string Summary(BookingDraft draft)
    {
        var contact = string.Join(" / ", new[] { draft.Phone is null ? null : ContactDetails.FormatPhone(draft.Phone), draft.Email }.OfType<string>());
        return "Here's your request:\n\n" +
            $"- **Reason:** {(draft.Reason is { } r ? BookingText.ReasonTitle(r) : "—")}\n" +
            $"- **Name:** {draft.Name}\n" +
            $"- **Contact:** {contact}\n" +
            $"- **Preferred time:** {draft.PreferredTimes}";
    }

    private Activity WithCard(string text, BookingDraft draft, IReadOnlyList<string> problems)
    {
        var activity = Message(text, []);
        activity.Attachments = [BookingCard.Create(draft, _clinic.Hours, problems)];
        return activity;
    }

    private static void End(ConversationState state)
    {
        state.ActiveDialog = null;
        state.Booking = null;
    }

    private static string? CleanName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = NameLead().Replace(text.Trim(), string.Empty).Trim().TrimEnd('.', '!');
        return name.Length is >= 2 and <= 80 && ValidName().IsMatch(name) && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5
            ? name
            : null;
    }

    private static string Normalize(string text) => Faq.Dataset.ExampleText.Normalize(text);

    private static Activity Message(string text, string[] buttons) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = TextFormats.Markdown,
        InputHint = InputHints.ExpectingInput,
        SuggestedActions = buttons.Length == 0 ? null : new SuggestedActions { Actions = buttons.Select(b => CardAction.ImBack(b)).ToList() },
    };

    [GeneratedRegex(@"^(my\s+name\s+is|my\s+names|name\s*:|i\s*'?\s*m|i\s+am|it\s*'?\s*s|this\s+is|call\s+me)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex NameLead();

    [GeneratedRegex(@"^\p{L}[\p{L}\p{M}'’.\-]*(\s+\p{L}[\p{L}\p{M}'’.\-]*)*$")]
    private static partial Regex ValidName();

    [GeneratedRegex(@"\b(talk|speak|chat)\s+(to|with)\s+(a\s+)?(person|human|someone|somebody|staff|nurse|receptionist|real\s+person|agent|representative)\b|^(human|agent|operator|representative)$")]
    private static partial Regex HandoffWords();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Booking request {Reference} saved ({Reason})")]
        public static partial void BookingSaved(ILogger logger, string reference, BookingReason reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "Booking request {Reference} could not be saved; kept in memory for retry")]
        public static partial void BookingNotSaved(ILogger logger, Exception exception, string reference);
    }
}
