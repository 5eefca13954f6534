using Chatbot.BotFramework.Builder;
using Chatbot.Patients;

namespace Chatbot.Patients;

/// <summary>
/// The CoreBot <c>OnTurnError</c> contract: log the exception (never the patient's text), send a neutral apology
/// (never exception text) and clear the active dialog so the patient is not stuck in a failing step.
/// </summary>
public sealed partial class ClinicTurnErrorHandler(BotReplies replies, ConversationStateAccessor stateAccessor, ILogger<ClinicTurnErrorHandler> logger) : ITurnErrorHandler
{
    /// <inheritdoc />
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        Log.TurnFailed(logger, exception, turnContext.Activity.Type, turnContext.Activity.Id);
        try
        {
            await turnContext.SendActivityAsync(replies.TurnError(), cancellationToken);
            await stateAccessor.UpdateAsync(ConversationStateAccessor.KeyFor(turnContext), state =>
            {
                var inDialog = state.ActiveDialog is not null;
                state.ActiveDialog = null;
                return inDialog;
            }, cancellationToken);
        }
        catch (Exception inner) when (inner is not OperationCanceledException)
        {
            Log.ErrorHandlerFailed(logger, inner, turnContext.Activity.Id);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for {ActivityType} activity {ActivityId}")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType, string? activityId);

        [LoggerMessage(Level = LogLevel.Error, Message = "The turn error handler failed too for activity {ActivityId}")]
        public static partial void ErrorHandlerFailed(ILogger logger, Exception exception, string? activityId);
    }
}
