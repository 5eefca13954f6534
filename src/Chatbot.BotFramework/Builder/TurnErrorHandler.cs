namespace Chatbot.BotFramework.Builder;

/// <summary>
/// Called when the bot or a middleware throws during a turn (the SDK's <c>OnTurnError</c>): log, send a neutral
/// apology, reset dialog state. The turn context can still send activities.
/// </summary>
/// <param name="turnContext">The failed turn.</param>
/// <param name="exception">What was thrown.</param>
/// <param name="cancellationToken">Cancels the handler.</param>
public delegate Task TurnErrorHandler(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken);
