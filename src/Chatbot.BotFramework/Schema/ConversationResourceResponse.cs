namespace Chatbot.BotFramework.Schema;

/// <summary>The answer to a create-conversation call.</summary>
/// <param name="Id">The new conversation's id.</param>
/// <param name="ActivityId">The id of the initial activity, if one was sent.</param>
/// <param name="ServiceUrl">Where to send activities for this conversation, when the channel says so.</param>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId = null, string? ServiceUrl = null);
