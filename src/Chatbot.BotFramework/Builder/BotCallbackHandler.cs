namespace Chatbot.BotFramework.Builder;

/// <summary>The code that runs for one turn (the SDK's <c>BotCallbackHandler</c>); <see cref="IBot.OnTurnAsync"/> fits it.</summary>
/// <param name="turnContext">The turn.</param>
/// <param name="cancellationToken">Cancels the turn.</param>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
