using Chatbot.Patients.Booking;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Storage;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Safety;
using Chatbot.Patients.Handoff;
using Chatbot.Knowledge;
using Chatbot.Telemetry;
using Chatbot.Patients.Privacy;

namespace Chatbot.Patients;

/// <summary>
/// Where a patient's message goes, and the only place that changes which step the conversation is in. Order on every
/// message: safety gate → open hand-off → active dialog → a closed form / attachments / not ready / empty → the answer.
/// </summary>
public sealed partial class TurnRouter(
    MessageDecider decider,
    FaqKnowledgeProvider knowledgeProvider,
    BookingDialog bookingDialog,
    HandoffService handoff,
    LiveHandoffService liveHandoffs,
    PatientAnswers answers,
    BotReplies replies,
    AudienceResolver audience,
    ConversationPrivacy privacy,
    TimeProvider timeProvider,
    ChatbotMetrics metrics,
    ILogger<TurnRouter> logger)
{
    /// <summary>How long a message waits for the FAQ to finish loading before the patient is told to try again.</summary>
    public static readonly TimeSpan KnowledgeWait = TimeSpan.FromSeconds(10);

    /// <summary>Handles one message over the conversation's <paramref name="state"/> (saved by the caller).</summary>
    public async Task RouteMessageAsync(ITurnContext turn, ConversationState state, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var text = MessageText.Of(activity);

        // The gate runs first, on the whole message as typed (markup included) and on anything typed into a card,
        // whatever state the dialog is in.
        var safety = decider.Gate.Assess(GateText(activity, text), MessageText.ValueStrings(activity));

        // Everything after the gate works on what a person could type; the rest of a pasted wall of text is ignored.
        text = StoredText.ForProcessing(text);
        state.LastTurnAt = timeProvider.GetUtcNow();
        if (text.Length > 0)
        {
            Remember(state, privacy.Redact(text, state));
        }

        if (safety.Risk != SafetyRisk.None)
        {
            await OnSafetyGateAsync(turn, state, text, safety, cancellationToken);
        }
        else if (state.Handoff is not null && await liveHandoffs.OnPatientMessageAsync(turn, state, text, safetyAlert: false, cancellationToken))
        {
            // A live chat with a staff member: the message went to them (or waits for one); "end chat" ended it.
        }
        else if (handoff.IsActive(state))
        {
            // Handed off to a person: the bot stays quiet (the gate above still runs) until released or timed out.
        }
        else if (state.ActiveDialog == BookingDialog.DialogId)
        {
            await ContinueBookingAsync(turn, state, text, cancellationToken);
        }
        else if (text.Length == 0 && BookingCard.IsFormAction(activity))
        {
            // A booking form pressed again after its request was sent or cancelled (Web Chat disables used cards, but
            // an old page, another tab or a second press in flight can still post one).
            await turn.SendActivityAsync(replies.BookingFormClosed(), cancellationToken);
        }
        else if (activity.Attachments is { Count: > 0 } && text.Length == 0)
        {
            await turn.SendActivityAsync(replies.AttachmentsDeclined(), cancellationToken);
        }
        else if (await knowledgeProvider.WaitAsync(KnowledgeWait, cancellationToken) is not { } knowledge)
        {
            await turn.SendActivityAsync(replies.NotReady(), cancellationToken);
        }
        else if (text.Length == 0)
        {
            await turn.SendActivityAsync(replies.EmptyMessage(), cancellationToken);
        }
        else
        {
            await answers.AnswerAsync(turn, text, knowledge, audience.IsStaff(activity), state, cancellationToken);
        }
    }

    private async Task OnSafetyGateAsync(ITurnContext turn, ConversationState state, string text, SafetyAssessment safety, CancellationToken cancellationToken)
    {
        Log.SafetyGateFired(logger, turn.Activity.Id, safety.Risk, safety.Rule, safety.Layer);
        metrics.SafetyGateFired(safety);
        ChatbotTracing.TagSafety(safety);
        await turn.SendActivityAsync(replies.Safety(safety), cancellationToken);
        state.LastSafetyAlert = timeProvider.GetUtcNow();
        state.ActiveDialog = null;
        state.Booking = null;

        // A question asked beside the crisis statement still gets its approved answer, after the crisis message.
        if (safety.RemainingText.Length > 0 && await knowledgeProvider.WaitAsync(KnowledgeWait, cancellationToken) is { } known)
        {
            var staff = audience.IsStaff(turn.Activity);
            if (decider.Decide(text, known, staff, safety).Answer is { Kind: AnswerKind.Answer, Entry: { } entry })
            {
                await turn.SendActivityAsync(replies.Answer(entry, known, staff), cancellationToken);
            }
        }

        // A person is brought in when the gate is sure; a less certain firing still sent every help line above.
        // During a live chat the staff member gets the message and an alert instead of a second hand-off starting.
        var withStaff = await liveHandoffs.AlertStaffAsync(turn, state, text, cancellationToken);
        if (!withStaff && safety.Risk == SafetyRisk.Crisis && safety.Confident)
        {
            await handoff.StartAsync(turn, state, HandoffReason.Crisis, cancellationToken);
        }
    }

    private async Task ContinueBookingAsync(ITurnContext turn, ConversationState state, string text, CancellationToken cancellationToken)
    {
        ChatbotTracing.TagDecision(AnswerKind.Booking, intent: null);
        switch (await bookingDialog.ContinueAsync(turn, state, text, cancellationToken))
        {
            case BookingTurnOutcome.HandoffRequested:
                await handoff.StartAsync(turn, state, HandoffReason.Requested, cancellationToken);
                break;
            case BookingTurnOutcome.StartOverRequested when knowledgeProvider.Current is { } current:
                await answers.StartOverAsync(turn, current, state, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// What the gate reads: the text as typed, markup and all, so nothing inside angle brackets is hidden from it,
    /// and the cleaned text (mentions removed, entities decoded) when that differs.
    /// </summary>
    private static string GateText(Activity activity, string cleaned)
    {
        var typed = activity.Text ?? string.Empty;
        return typed.Length == 0 || string.Equals(typed.Trim(), cleaned, StringComparison.Ordinal) ? cleaned : cleaned + "\n" + typed;
    }

    /// <summary>Keeps the patient's last few messages, already redacted, for a hand-off summary.</summary>
    private static void Remember(ConversationState state, string redacted)
    {
        state.RecentMessages.Add(redacted.Length > 300 ? redacted[..300] : redacted);
        if (state.RecentMessages.Count > 10)
        {
            state.RecentMessages.RemoveRange(0, state.RecentMessages.Count - 10);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Safety gate fired on activity {ActivityId}: {Risk} (rule {Rule}, layer {Layer})")]
        public static partial void SafetyGateFired(ILogger logger, string? activityId, SafetyRisk risk, string? rule, SafetyLayer layer);
    }
}
