using System.Globalization;
using Chatbot.Patients.Booking;
using Chatbot.BotFramework.Builder;
using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Unanswered;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Safety;
using Chatbot.Patients.Feedback;
using Chatbot.Patients.Handoff;
using Chatbot.Knowledge;
using Chatbot.Telemetry;
using Chatbot.Patients.Privacy;
using Microsoft.Extensions.Options;

namespace Chatbot.Patients;

/// <summary>
/// The answer to a message outside any dialog: start-over words, then the one decision function (exact matches,
/// classifier, answer policy) and the reply it calls for — an approved answer, a clinician referral, booking, a person,
/// "did you mean", or a fallback; approved answers can be rated 👍/👎; what could not be answered is kept (redacted) for staff review.
/// </summary>
public sealed partial class PatientAnswers(
    MessageDecider decider,
    BookingDialog bookingDialog,
    HandoffService handoff,
    BotReplies replies,
    AnswerFeedbackService feedback,
    IUnansweredQuestionStore unanswered,
    ConversationPrivacy privacy,
    IOptions<AnswerPolicyOptions> policyOptions,
    TimeProvider timeProvider,
    ChatbotMetrics metrics,
    ILogger<PatientAnswers> logger)
{
    /// <summary>Answers <paramref name="text"/> and moves the conversation to the step the answer calls for.</summary>
    public async Task AnswerAsync(ITurnContext turn, string text, FaqKnowledge knowledge, bool staff, ConversationState state, CancellationToken cancellationToken)
    {
        var normalized = ExampleText.Normalize(text);
        if (StartOverWords.Match(normalized))
        {
            await StartOverAsync(turn, knowledge, state, cancellationToken);
            return;
        }

        if (normalized == ExampleText.Normalize(ButtonTitles.SomethingElse))
        {
            await turn.SendActivityAsync(replies.EmptyMessage(), cancellationToken);
            return;
        }

        var started = timeProvider.GetTimestamp();
        var decided = decider.Decide(text, knowledge, staff, SafetyAssessment.Safe);
        var decision = decided.Answer ?? AnswerDecision.Fallback;
        var prediction = decided.Prediction;
        metrics.Classified(timeProvider.GetElapsedTime(started), prediction?.Stage);
        ChatbotTracing.TagDecision(decision.Kind, decision.Entry?.Id);
        Log.Decided(logger, turn.Activity.Id, decision.Kind, decision.Entry?.Id, prediction?.Best.Score ?? 1f, prediction?.Stage.ToString() ?? decided.Source, knowledge.Version);
        metrics.Decided(decision.Kind, prediction?.Stage);
        state.ConsecutiveFallbacks = decision.Kind == AnswerKind.Fallback ? state.ConsecutiveFallbacks + 1 : 0;
        state.LastIntent = decision.Entry?.Id ?? state.LastIntent;

        switch (decision.Kind)
        {
            case AnswerKind.Answer when decision.Entry!.Id == "smalltalk/start_over":
                await StartOverAsync(turn, knowledge, state, cancellationToken);
                break;
            case AnswerKind.Answer:
                await turn.SendActivityAsync(
                    feedback.Offer(replies.Answer(decision.Entry!, knowledge, staff, decision.Candidates), decision.Entry!, knowledge, turn, state), cancellationToken);
                if (decided.Also is { Kind: AnswerKind.Answer, Entry: { } second })
                {
                    await turn.SendActivityAsync(feedback.Offer(replies.Answer(second, knowledge, staff), second, knowledge, turn, state), cancellationToken);
                }

                break;
            case AnswerKind.ClinicianReferral:
                await turn.SendActivityAsync(replies.ClinicianReferral(decision.Entry!), cancellationToken);
                break;
            case AnswerKind.Booking:
                await bookingDialog.BeginAsync(turn, state, text, cancellationToken);
                break;
            case AnswerKind.Handoff:
                await handoff.StartAsync(turn, state, HandoffReason.Requested, cancellationToken);
                break;
            case AnswerKind.Clarify:
                await turn.SendActivityAsync(replies.Clarify(decision.Candidates), cancellationToken);
                await RecordUnansweredAsync(turn, privacy.Redact(text, state), UnansweredReason.Clarification, prediction, knowledge, cancellationToken);
                break;
            default:
                await FallBackAsync(turn, text, knowledge, state, prediction, cancellationToken);
                break;
        }
    }

    /// <summary>Back to the beginning: no dialog, no counted fallbacks, the welcome again.</summary>
    public async Task StartOverAsync(ITurnContext turn, FaqKnowledge knowledge, ConversationState state, CancellationToken cancellationToken)
    {
        state.ActiveDialog = null;
        state.ConsecutiveFallbacks = 0;
        state.LastIntent = null;
        await turn.SendActivityAsync(replies.Welcome(knowledge), cancellationToken);
    }

    private async Task FallBackAsync(ITurnContext turn, string text, FaqKnowledge knowledge, ConversationState state, IntentPrediction? prediction, CancellationToken cancellationToken)
    {
        var limit = policyOptions.Value.FallbacksBeforeHandoff;
        await turn.SendActivityAsync(replies.Fallback(state.ConsecutiveFallbacks, limit), cancellationToken);
        await RecordUnansweredAsync(turn, privacy.Redact(text, state), UnansweredReason.Fallback, prediction, knowledge, cancellationToken);
        if (state.ConsecutiveFallbacks >= limit)
        {
            await handoff.StartAsync(turn, state, HandoffReason.RepeatedFallbacks, cancellationToken);
        }
    }

    private async Task RecordUnansweredAsync(ITurnContext turn, string redactedText, UnansweredReason reason, IntentPrediction? prediction, FaqKnowledge knowledge, CancellationToken cancellationToken)
    {
        try
        {
            var top = prediction is null
                ? string.Empty
                : string.Join(", ", prediction.Top.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Intent}:{s.Score:0.000}")));
            await unanswered.AddAsync(
                new UnansweredQuestion(0, timeProvider.GetUtcNow(), turn.Activity.ChannelId ?? "unknown", reason, StoredText.Cap(redactedText), top, knowledge.Version),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Review data must never cost the patient their answer.
            Log.UnansweredNotRecorded(logger, ex, turn.Activity.Id);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId}: {Decision} {Intent} (score {Score:0.000}, {Stage}, model {ModelVersion})")]
        public static partial void Decided(ILogger logger, string? activityId, AnswerKind decision, string? intent, float score, string stage, string modelVersion);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not record an unanswered question for activity {ActivityId}")]
        public static partial void UnansweredNotRecorded(ILogger logger, Exception exception, string? activityId);
    }
}
