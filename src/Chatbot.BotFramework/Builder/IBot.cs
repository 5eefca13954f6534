namespace Chatbot.BotFramework.Builder;

/// <summary>A bot: handles one turn of a conversation (the SDK's <c>IBot</c>).</summary>
public interface IBot
{
    /// <summary>Handles the incoming activity of <paramref name="turnContext"/>.</summary>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
