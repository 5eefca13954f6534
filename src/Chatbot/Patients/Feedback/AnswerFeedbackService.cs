using System.Security.Cryptography;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.WebChat;
using Chatbot.Clinic.Feedback;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Answering;

namespace Chatbot.Patients.Feedback;

/// <summary>
/// "Was this helpful? 👍 👎" on approved answers: offers the buttons (Web Chat renders them from an entity on the
/// answer) and records a press as a vote that carries the entry, the model version, the channel and the time — never
/// the question, the answer or who pressed. A 👎 gets one short reply with a way forward.
/// </summary>
public sealed partial class AnswerFeedbackService(
    IAnswerFeedbackStore store,
    BotReplies replies,
    TimeProvider timeProvider,
    ILogger<AnswerFeedbackService> logger)
{
    /// <summary>How many answers of one conversation can still be rated (the oldest offer is forgotten first).</summary>
    public const int OffersKept = 20;

    /// <summary>
    /// Adds the feedback buttons to <paramref name="answer"/> when it is an approved answer worth rating: not small talk,
    /// not a staff-only entry and not in Teams (staff there, and Teams renders its own feedback differently).
    /// </summary>
    public Activity Offer(Activity answer, FaqEntry entry, FaqKnowledge knowledge, ITurnContext turn, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsPublic || entry.Id.StartsWith("smalltalk/", StringComparison.Ordinal) || turn.Activity.ChannelId == Channels.Msteams)
        {
            return answer;
        }

        var offer = new FeedbackOffer { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), Intent = entry.Id, ModelVersion = knowledge.Version };
        state.FeedbackOffers.Add(offer);
        if (state.FeedbackOffers.Count > OffersKept)
        {
            state.FeedbackOffers.RemoveRange(0, state.FeedbackOffers.Count - OffersKept);
        }

        (answer.Entities ??= []).Add(WebChatFeedback.Request(offer.Id));
        return answer;
    }

    /// <summary>
    /// Records a press of the feedback buttons. A press for an answer this conversation was not offered (forged, or
    /// older than the last <see cref="OffersKept"/> answers) is ignored; pressing again replaces the earlier vote.
    /// </summary>
    public async Task OnPressAsync(ITurnContext turn, ConversationState state, CancellationToken cancellationToken)
    {
        if (!WebChatFeedback.TryReadPress(turn.Activity, out var id, out var liked)
            || state.FeedbackOffers.Find(o => string.Equals(o.Id, id, StringComparison.Ordinal)) is not { } offer)
        {
            Log.PressIgnored(logger, turn.Activity.Id);
            return;
        }

        var vote = liked ? AnswerVote.Helpful : AnswerVote.NotHelpful;
        var firstNotHelpful = vote == AnswerVote.NotHelpful && offer.Vote is null;
        try
        {
            await store.RecordAsync(
                new AnswerFeedback(offer.Id, timeProvider.GetUtcNow(), turn.Activity.ChannelId ?? "unknown", offer.Intent, offer.ModelVersion, vote),
                cancellationToken);
            offer.Vote = vote;
            Log.Recorded(logger, offer.Intent, vote);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A lost vote must not become an error message in the patient's chat.
            Log.NotRecorded(logger, ex, turn.Activity.Id);
            return;
        }

        // One way forward after a first 👎, unless the patient is in the middle of something (booking, a person).
        if (firstNotHelpful && state.ActiveDialog is null && state.Handoff is null)
        {
            await turn.SendActivityAsync(replies.NotHelpful(), cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Answer feedback recorded for {Intent}: {Vote}")]
        public static partial void Recorded(ILogger logger, string intent, AnswerVote vote);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Feedback press {ActivityId} ignored: not an answer offered in this conversation")]
        public static partial void PressIgnored(ILogger logger, string? activityId);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not record answer feedback for activity {ActivityId}")]
        public static partial void NotRecorded(ILogger logger, Exception exception, string? activityId);
    }
}
