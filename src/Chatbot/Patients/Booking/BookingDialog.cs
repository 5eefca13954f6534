using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Patients;
using Chatbot.Knowledge;
using Chatbot.Staff.Notifications;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Patients.Booking;

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
    BookingAnswers answers,
    BookingPrompts prompts,
    BookingSubmission submission,
    BookingInterruptions interruptions,
    IOptions<BookingOptions> bookingOptions,
    IOptions<ClinicOptions> clinicOptions,
    BotReplies replies,
    FaqKnowledgeProvider knowledgeProvider)
{
    /// <summary>The <see cref="ConversationState.ActiveDialog"/> value while booking.</summary>
    public const string DialogId = "booking";

    private static readonly HashSet<string> CancelWords = new(StringComparer.Ordinal)
    {
        "cancel", "stop", "quit", "exit", "never mind", "nevermind", "forget it", "cancel booking", "cancel the booking", "cancel this", "no thanks", "abort",
    };

    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal) { "yes", "y", "yes send it", "yes please", "send it", "send", "confirm", "correct", "yep", "yeah", "sure", "ok", "okay", "that s right", "thats right", "looks good" };
    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal) { "no", "n", "change something", "change", "edit", "not quite", "wrong", "nope" };

    private readonly ClinicOptions _clinic = clinicOptions.Value;

    /// <summary>Starts booking, using a reason already recognisable in <paramref name="text"/> ("reschedule my infusion").</summary>
    public async Task<BookingTurnOutcome> BeginAsync(ITurnContext turn, ConversationState state, string? text, CancellationToken cancellationToken)
    {
        if (bookingOptions.Value.Mode == BookingMode.Link)
        {
            await submission.SendLinkAsync(turn, BookingText.ParseReason(text), cancellationToken);
            return BookingTurnOutcome.Ended;
        }

        var draft = new BookingDraft { Reference = submission.NewReference(), Reason = BookingText.ParseReason(text), UsesCard = BookingCard.IsSupportedOn(turn.Activity.ChannelId) };
        state.ActiveDialog = DialogId;
        state.Booking = draft;
        if (draft.UsesCard)
        {
            await turn.SendActivityAsync(
                prompts.WithCard("I can help you request an appointment. Fill in the form below — or, if you prefer, just type your answers and I'll ask one question at a time. You can say **cancel** at any point.", draft, []),
                cancellationToken);
            draft.Step = draft.NextMissingStep();
            return BookingTurnOutcome.Waiting;
        }

        await turn.SendActivityAsync("I can help you request an appointment. You can say **cancel** at any point.", cancellationToken);
        await prompts.AskAsync(turn, draft, draft.NextMissingStep(), cancellationToken);
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
            await turn.SendActivityAsync(BookingPrompts.Message("OK, I've cancelled this booking request — nothing was sent. Is there anything else I can help with?", [BotReplies.BookTitle, BotReplies.TalkToPersonTitle]), cancellationToken);
            return BookingTurnOutcome.Ended;
        }

        if (StartOverWords.Match(normalized))
        {
            state.Booking = new BookingDraft { Reference = submission.NewReference(), UsesCard = draft.UsesCard };
            await turn.SendActivityAsync("Let's start the booking request again.", cancellationToken);
            return await prompts.AskNextAsync(turn, state.Booking, [], cancellationToken);
        }

        if (normalized == Normalize(BotReplies.TalkToPersonTitle) || HandoffWords().IsMatch(normalized))
        {
            End(state);
            return BookingTurnOutcome.HandoffRequested;
        }

        if (action == BookingCard.SubmitAction && value is not null)
        {
            draft.UsesCard = true;
            var problems = answers.ApplyCard(draft, value);
            return await prompts.AskNextAsync(turn, draft, problems, cancellationToken);
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
        if (answers.IsValidAnswer(draft.Step, text))
        {
            return null;
        }

        var interruption = interruptions.Classify(text, draft.Step, draft);
        switch (interruption.Kind)
        {
            case BookingInterruptionKind.Cancel:
                End(state);
                await turn.SendActivityAsync(BookingPrompts.Message("OK, I've cancelled this booking request — nothing was sent. Is there anything else I can help with?", [BotReplies.BookTitle, BotReplies.TalkToPersonTitle]), cancellationToken);
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
                await prompts.AskAsync(turn, draft, draft.Step, cancellationToken, "Now, back to your booking request.");
                return BookingTurnOutcome.Waiting;
            case BookingInterruptionKind.Correction:
                draft.Phone = interruption.Phone ?? draft.Phone;
                draft.Email = interruption.Email ?? draft.Email;
                draft.Name = interruption.Name ?? draft.Name;
                var what = interruption.Name is not null ? "your name" : "your contact details";
                await prompts.AskAsync(turn, draft, draft.Step, cancellationToken, $"Thanks — I've updated {what}.");
                return BookingTurnOutcome.Waiting;
            default:
                return null;
        }
    }

    /// <summary>The words the summary and change steps take as their own answers (yes, no, which part to change).</summary>
    private static bool IsStepWord(BookingStep step, string normalized) => step switch
    {
        BookingStep.Confirm => YesWords.Contains(normalized) || NoWords.Contains(normalized),
        BookingStep.ChooseChange => normalized is "reason" or "name" or "contact details" or "preferred time" or "contact" or "time",
        _ => false,
    };

    private async Task<BookingTurnOutcome> AnswerStepAsync(ITurnContext turn, BookingDraft draft, string text, CancellationToken cancellationToken)
    {
        var problem = answers.Apply(draft, draft.Step, text);
        if (problem is null)
        {
            draft.Retries = 0;
            return await prompts.AskNextAsync(turn, draft, [], cancellationToken);
        }

        draft.Retries++;
        var suffix = draft.Retries >= 3 ? $" If it's easier, you can call us at {_clinic.Phone}." : string.Empty;
        await prompts.AskAsync(turn, draft, draft.Step, cancellationToken, problem + suffix);
        return BookingTurnOutcome.Waiting;
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
            await prompts.AskAsync(turn, draft, BookingStep.ChooseChange, cancellationToken, "Sorry, which part would you like to change?");
            return BookingTurnOutcome.Waiting;
        }

        switch (step)
        {
            case BookingStep.Reason: draft.Reason = null; break;
            case BookingStep.Name: draft.Name = null; break;
            case BookingStep.Contact: draft.Phone = null; draft.Email = null; break;
            case BookingStep.PreferredTime: draft.PreferredTimes = null; break;
        }

        await prompts.AskAsync(turn, draft, step.Value, cancellationToken);
        return BookingTurnOutcome.Waiting;
    }

    private async Task<BookingTurnOutcome> ConfirmAsync(ITurnContext turn, ConversationState state, BookingDraft draft, string normalized, CancellationToken cancellationToken)
    {
        if (NoWords.Contains(normalized))
        {
            await prompts.AskAsync(turn, draft, BookingStep.ChooseChange, cancellationToken);
            return BookingTurnOutcome.Waiting;
        }

        if (!YesWords.Contains(normalized))
        {
            await prompts.AskAsync(turn, draft, BookingStep.Confirm, cancellationToken, "Please answer **yes** to send the request, or **change something**.");
            return BookingTurnOutcome.Waiting;
        }

        if (draft.NextMissingStep() != BookingStep.Confirm)
        {
            return await prompts.AskNextAsync(turn, draft, [], cancellationToken);
        }

        End(state);
        await submission.SubmitAsync(turn, draft, cancellationToken);
        return BookingTurnOutcome.Ended;
    }

    private static void End(ConversationState state)
    {
        state.ActiveDialog = null;
        state.Booking = null;
    }

    private static string Normalize(string text) => Faq.Dataset.ExampleText.Normalize(text);

    [GeneratedRegex(@"\b(talk|speak|chat)\s+(to|with)\s+(a\s+)?(person|human|someone|somebody|staff|nurse|receptionist|real\s+person|agent|representative)\b|^(human|agent|operator|representative)$")]
    private static partial Regex HandoffWords();
}
