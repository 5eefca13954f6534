namespace Chatbot.BotFramework.Builder;

/// <summary>
/// The DI-friendly form of <see cref="BotAdapter.OnTurnError"/>: register one as a singleton and the adapter uses it
/// for every failed turn (log, neutral apology, clear dialog state; never show exception text to users).
/// </summary>
public interface ITurnErrorHandler
{
    /// <summary>Handles an exception thrown by the bot or a middleware.</summary>
    /// <param name="turnContext">The failed turn; it can still send activities.</param>
    /// <param name="exception">What was thrown.</param>
    /// <param name="cancellationToken">Cancels the handler.</param>
    Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken);
}
