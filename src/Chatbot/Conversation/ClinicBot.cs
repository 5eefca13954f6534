using Chatbot.Faq.Answering;
using System.Globalization;
using Chatbot.Booking;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.Faq.Dataset;
using Chatbot.Handoff;
using Chatbot.Knowledge;
using Chatbot.Privacy;
using Chatbot.Faq.Safety;
using Chatbot.Teams;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Unanswered;
using Chatbot.Clinic.Handoffs;

namespace Chatbot.Conversation;

/// <summary>
/// The clinic bot's turn handler. Order on every message: safety gate → conversation state → exact matches and
/// commands → classifier → answer policy → reply → record what could not be answered → save state.
/// </summary>
public sealed partial class ClinicBot(
    FaqKnowledgeProvider knowledgeProvider,
    BookingDialog bookingDialog,
    HandoffService handoff,
    LiveHandoffService liveHandoffs,
    MessageDecider decider,
    BotReplies replies,
    ConversationStateAccessor stateAccessor,
    AudienceResolver audience,
    IUnansweredQuestionStore unanswered,
    ConversationPrivacy privacy,
    StaffCommands staffCommands,
    StaffCardActions staffCardActions,
    TeamsConversationRecorder teamsConversations,
    IOptions<AnswerPolicyOptions> policyOptions,
    TimeProvider timeProvider,
    ILogger<ClinicBot> logger) : ActivityHandler
{
    private static readonly TimeSpan KnowledgeWait = TimeSpan.FromSeconds(10);
    private static readonly HashSet<string> StartOverCommands = new(StringComparer.Ordinal) { "start over", "restart", "reset", "start again", "begin again" };

    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var text = MessageText.Of(activity);

        // Staff commands in Teams come before the gate: `why <question>` must be able to show what the gate does
        // with a phrase without starting a crisis hand-off for the staff member (decisions.md, Teams).
        if (TeamsActivity.IsTeams(activity) && await staffCommands.TryHandleAsync(turnContext, text, cancellationToken))
        {
            return;
        }

        // The gate runs first, on the whole message as typed (markup included) and on anything typed into a card,
        // whatever state the dialog is in.
        var safety = decider.Gate.Assess(GateText(activity, text), MessageText.ValueStrings(activity));

        // Everything after the gate works on what a person could type; the rest of a pasted wall of text is ignored.
        text = StoredText.ForProcessing(text);
        var key = ConversationStateAccessor.KeyFor(turnContext);
        var (state, etag) = await stateAccessor.LoadAsync(key, cancellationToken);
        state.LastTurnAt = timeProvider.GetUtcNow();

        if (text.Length > 0)
        {
            Remember(state, privacy.Redact(text, state));
        }

        if (safety.Risk != SafetyRisk.None)
        {
            Log.SafetyGateFired(logger, activity.Id, safety.Risk, safety.Rule, safety.Layer);
            ChatbotMetrics.SafetyGateFired(safety);
            await turnContext.SendActivityAsync(replies.Safety(safety), cancellationToken);
            state.LastSafetyAlert = timeProvider.GetUtcNow();
            state.ActiveDialog = null;
            state.Booking = null;

            // A question asked beside the crisis statement still gets its approved answer, after the crisis message.
            if (safety.RemainingText.Length > 0 && await knowledgeProvider.WaitAsync(KnowledgeWait, cancellationToken) is { } known)
            {
                var rest = decider.Decide(text, known, audience.IsStaff(activity), safety);
                if (rest.Answer is { Kind: AnswerKind.Answer, Entry: { } entry })
                {
                    await turnContext.SendActivityAsync(replies.Answer(entry, known, audience.IsStaff(activity)), cancellationToken);
                }
            }

            // A person is brought in when the gate is sure; a less certain firing still sent every help line above.
            // During a live chat the staff member gets the message and an alert instead of a second hand-off starting.
            var withStaff = await liveHandoffs.AlertStaffAsync(turnContext, state, text, cancellationToken);
            if (!withStaff && safety.Risk == SafetyRisk.Crisis && safety.Confident)
            {
                await handoff.StartAsync(turnContext, state, HandoffReason.Crisis, cancellationToken);
            }

            await stateAccessor.SaveAsync(key, state, etag, cancellationToken);
            return;
        }

        // A live chat with a staff member: the message goes to them (or waits for one); "end chat" ends it.
        if (state.Handoff is not null && await liveHandoffs.OnPatientMessageAsync(turnContext, state, text, safetyAlert: false, cancellationToken))
        {
            await stateAccessor.SaveAsync(key, state, etag, cancellationToken);
            return;
        }

        // Handed off to a person: the bot stays quiet (the safety gate above still runs) until released or timed out.
        if (handoff.IsActive(state))
        {
            await stateAccessor.SaveAsync(key, state, etag, cancellationToken);
            return;
        }

        if (state.ActiveDialog == BookingDialog.DialogId)
        {
            var outcome = await bookingDialog.ContinueAsync(turnContext, state, text, cancellationToken);
            if (outcome == BookingTurnOutcome.HandoffRequested)
            {
                await handoff.StartAsync(turnContext, state, HandoffReason.Requested, cancellationToken);
            }
            else if (outcome == BookingTurnOutcome.StartOverRequested && knowledgeProvider.Current is { } current)
            {
                await StartOverAsync(turnContext, current, state, cancellationToken);
            }

            await stateAccessor.SaveAsync(key, state, etag, cancellationToken);
            return;
        }

        if (activity.Attachments is { Count: > 0 } && text.Length == 0)
        {
            await turnContext.SendActivityAsync(replies.AttachmentsDeclined(), cancellationToken);
            await stateAccessor.SaveAsync(key, state, etag, cancellationToken);
            return;
        }

        var knowledge = await knowledgeProvider.WaitAsync(KnowledgeWait, cancellationToken);
        if (knowledge is null)
        {
            await turnContext.SendActivityAsync(replies.NotReady(), cancellationToken);
            return;
        }

        if (text.Length == 0)
        {
            await turnContext.SendActivityAsync(replies.EmptyMessage(), cancellationToken);
            await stateAccessor.SaveAsync(key, state, etag, cancellationToken);
            return;
        }

        var staff = audience.IsStaff(activity);
        await AnswerAsync(turnContext, text, knowledge, staff, state, cancellationToken);
        await stateAccessor.SaveAsync(key, state, etag, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        await WelcomeOnceAsync(turnContext, staff: false, cancellationToken);

    /// <inheritdoc />
    protected override async Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Web Chat's recommended welcome trigger: the page posts this event after it connects.
        if (string.Equals(turnContext.Activity.Name, "webchat/join", StringComparison.Ordinal))
        {
            await WelcomeOnceAsync(turnContext, staff: false, cancellationToken);
        }
        else if (string.Equals(turnContext.Activity.Name, HandoffService.StatusEventName, StringComparison.Ordinal))
        {
            var key = ConversationStateAccessor.KeyFor(turnContext);
            var (state, etag) = await stateAccessor.LoadAsync(key, cancellationToken);
            await handoff.OnStatusAsync(turnContext, state, cancellationToken);
            await stateAccessor.SaveAsync(key, state, etag, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await stateAccessor.DeleteAsync(ConversationStateAccessor.KeyFor(turnContext), cancellationToken);

    private async Task WelcomeOnceAsync(ITurnContext turnContext, bool staff, CancellationToken cancellationToken)
    {
        var key = ConversationStateAccessor.KeyFor(turnContext);
        var (state, etag) = await stateAccessor.LoadAsync(key, cancellationToken);
        if (state.Welcomed)
        {
            return;
        }

        var welcome = staff ? replies.StaffWelcome() : replies.Welcome(await knowledgeProvider.WaitAsync(KnowledgeWait, cancellationToken));
        await turnContext.SendActivityAsync(welcome, cancellationToken);
        state.Welcomed = true;
        state.LastTurnAt = timeProvider.GetUtcNow();
        await stateAccessor.SaveAsync(key, state, etag, cancellationToken);
    }

    private async Task AnswerAsync(ITurnContext turnContext, string text, FaqKnowledge knowledge, bool staff, ConversationState state, CancellationToken cancellationToken)
    {
        var normalized = ExampleText.Normalize(text);
        if (StartOverCommands.Contains(normalized))
        {
            await StartOverAsync(turnContext, knowledge, state, cancellationToken);
            return;
        }

        if (normalized == ExampleText.Normalize(ButtonTitles.SomethingElse))
        {
            await turnContext.SendActivityAsync(replies.EmptyMessage(), cancellationToken);
            return;
        }

        var decided = decider.Decide(text, knowledge, staff, SafetyAssessment.Safe);
        var decision = decided.Answer ?? AnswerDecision.Fallback;
        var prediction = decided.Prediction;
        Log.Decided(logger, turnContext.Activity.Id, decision.Kind, decision.Entry?.Id, prediction?.Best.Score ?? 1f, prediction?.Stage.ToString() ?? decided.Source, knowledge.Version);
        ChatbotMetrics.Decided(decision.Kind, prediction?.Stage);
        state.ConsecutiveFallbacks = decision.Kind == AnswerKind.Fallback ? state.ConsecutiveFallbacks + 1 : 0;
        state.LastIntent = decision.Entry?.Id ?? state.LastIntent;

        switch (decision.Kind)
        {
            case AnswerKind.Answer when decision.Entry!.Id == "smalltalk/start_over":
                await StartOverAsync(turnContext, knowledge, state, cancellationToken);
                break;
            case AnswerKind.Answer:
                await turnContext.SendActivityAsync(replies.Answer(decision.Entry!, knowledge, staff, decision.Candidates), cancellationToken);
                if (decided.Also is { Kind: AnswerKind.Answer, Entry: { } second })
                {
                    await turnContext.SendActivityAsync(replies.Answer(second, knowledge, staff), cancellationToken);
                }

                break;
            case AnswerKind.ClinicianReferral:
                await turnContext.SendActivityAsync(replies.ClinicianReferral(decision.Entry!), cancellationToken);
                break;
            case AnswerKind.Booking:
                await bookingDialog.BeginAsync(turnContext, state, text, cancellationToken);
                break;
            case AnswerKind.Handoff:
                await handoff.StartAsync(turnContext, state, HandoffReason.Requested, cancellationToken);
                break;
            case AnswerKind.Clarify:
                await turnContext.SendActivityAsync(replies.Clarify(decision.Candidates), cancellationToken);
                await RecordUnansweredAsync(turnContext, privacy.Redact(text, state), UnansweredReason.Clarification, prediction, knowledge, cancellationToken);
                break;
            default:
                var repeated = state.ConsecutiveFallbacks >= policyOptions.Value.FallbacksBeforeHandoff;
                await turnContext.SendActivityAsync(replies.Fallback(state.ConsecutiveFallbacks, policyOptions.Value.FallbacksBeforeHandoff), cancellationToken);
                await RecordUnansweredAsync(turnContext, privacy.Redact(text, state), UnansweredReason.Fallback, prediction, knowledge, cancellationToken);
                if (repeated)
                {
                    await handoff.StartAsync(turnContext, state, HandoffReason.RepeatedFallbacks, cancellationToken);
                }

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

    private async Task StartOverAsync(ITurnContext turnContext, FaqKnowledge knowledge, ConversationState state, CancellationToken cancellationToken)
    {
        state.ActiveDialog = null;
        state.ConsecutiveFallbacks = 0;
        state.LastIntent = null;
        await turnContext.SendActivityAsync(replies.Welcome(knowledge), cancellationToken);
    }

    private async Task RecordUnansweredAsync(ITurnContext turnContext, string redactedText, UnansweredReason reason, Faq.Classification.IntentPrediction? prediction, FaqKnowledge knowledge, CancellationToken cancellationToken)
    {
        try
        {
            var top = prediction is null
                ? string.Empty
                : string.Join(", ", prediction.Top.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Intent}:{s.Score:0.000}")));
            await unanswered.AddAsync(
                new UnansweredQuestion(0, timeProvider.GetUtcNow(), turnContext.Activity.ChannelId ?? "unknown", reason, StoredText.Cap(redactedText), top, knowledge.Version),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Review data must never cost the patient their answer.
            Log.UnansweredNotRecorded(logger, ex, turnContext.Activity.Id);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Safety gate fired on activity {ActivityId}: {Risk} (rule {Rule}, layer {Layer})")]
        public static partial void SafetyGateFired(ILogger logger, string? activityId, SafetyRisk risk, string? rule, SafetyLayer layer);

        [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId}: {Decision} {Intent} (score {Score:0.000}, {Stage}, model {ModelVersion})")]
        public static partial void Decided(ILogger logger, string? activityId, AnswerKind decision, string? intent, float score, string stage, string modelVersion);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Teams {ActivityType} activity {ActivityId} refused: no Bot Connector token, or its tenant is not in Chatbot:Teams:AllowedTenantIds")]
        public static partial void TenantRefused(ILogger logger, string? activityType, string? activityId);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not record an unanswered question for activity {ActivityId}")]
        public static partial void UnansweredNotRecorded(ILogger logger, Exception exception, string? activityId);
    }
}
