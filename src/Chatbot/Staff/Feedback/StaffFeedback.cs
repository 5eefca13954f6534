using Chatbot.Clinic.Feedback;

namespace Chatbot.Staff.Feedback;

/// <summary>
/// Reads patients' 👍/👎 votes for the staff views (the staff page and the Teams cards), once per request. A store
/// that cannot be read gives null, which the views show as "feedback unavailable": the votes are a hint for staff,
/// never a reason for the entries list or a Teams command to fail.
/// </summary>
public sealed partial class StaffFeedback(IAnswerFeedbackStore store, TimeProvider timeProvider, ILogger<StaffFeedback> logger)
{
    /// <summary>The votes of the last <paramref name="days"/> days, or null when the store failed (logged).</summary>
    public async Task<AnswerFeedbackPeriod?> ReadAsync(int days, CancellationToken cancellationToken)
    {
        try
        {
            return await AnswerFeedbackPeriod.ReadAsync(store, timeProvider.GetUtcNow(), days, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any provider's failure (SQLite busy, PostgreSQL down, a timeout): the rest of the view still renders.
            Log.Unavailable(logger, ex);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Answer feedback could not be read for a staff view; shown as unavailable")]
        public static partial void Unavailable(ILogger logger, Exception exception);
    }
}
