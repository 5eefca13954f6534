namespace Chatbot.BotFramework.Builder;

/// <summary>
/// A step that runs around every turn before the bot (the SDK's <c>IMiddleware</c>): logging scopes, de-duplication,
/// typing indicators. Calling <c>next</c> continues the turn; not calling it ends the turn without the bot.
/// </summary>
public interface IMiddleware
{
    /// <summary>Handles the turn and usually calls <paramref name="next"/>.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="next">The rest of the pipeline, ending with the bot.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}
