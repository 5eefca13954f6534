using Chatbot.Patients;
using Chatbot.Staff.Notifications;
using Chatbot.Staff.Unanswered;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.Hosting;

/// <summary>
/// Hourly: deletes conversation state, unanswered questions, staff notifications (outbox), unanswered-question reviews,
/// audit records and answer feedback past their retention periods, and clears booking drafts the patient abandoned.
/// </summary>
public sealed partial class RetentionService(
    IConversationStateStore states,
    IUnansweredQuestionStore unanswered,
    INotificationOutbox outbox,
    IUnansweredReviewStore reviews,
    IStaffAuditLog audit,
    IAnswerFeedbackStore feedback,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), timeProvider);
        do
        {
            try
            {
                var now = timeProvider.GetUtcNow();
                var stateCount = await states.PurgeAsync(now - options.Value.StateRetention, stoppingToken);
                var questionCount = await unanswered.PurgeAsync(now - options.Value.UnansweredRetention, stoppingToken);
                var draftCount = await states.RewriteAsync(
                    now - options.Value.BookingDraftLifetime, ConversationStateAccessor.BookingDraftMarker, ConversationStateAccessor.WithoutBookingDraft, stoppingToken);
                var notificationCount = await outbox.PurgeAsync(now - options.Value.NotificationRetention, stoppingToken);
                var reviewCount = await reviews.PurgeAsync(now - options.Value.ReviewRetention, stoppingToken);
                var auditCount = await audit.PurgeAsync(now - options.Value.AuditRetention, stoppingToken);
                var feedbackCount = await feedback.PurgeAsync(now - options.Value.FeedbackRetention, stoppingToken);
                if (stateCount + questionCount + draftCount + notificationCount + reviewCount + auditCount + feedbackCount > 0)
                {
                    Log.Purged(logger, stateCount, questionCount, draftCount, notificationCount, reviewCount, auditCount, feedbackCount);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PurgeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {StateCount} conversation states, {QuestionCount} unanswered questions, {NotificationCount} staff notifications, {ReviewCount} reviews, {AuditCount} audit records, {FeedbackCount} answer votes; cleared {DraftCount} abandoned booking drafts")]
        public static partial void Purged(ILogger logger, int stateCount, int questionCount, int draftCount, int notificationCount, int reviewCount, int auditCount, int feedbackCount);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Retention clean-up failed; will retry next hour")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}
