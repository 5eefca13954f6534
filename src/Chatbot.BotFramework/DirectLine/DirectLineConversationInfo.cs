namespace Chatbot.BotFramework.DirectLine;

/// <summary>A stored conversation's summary.</summary>
/// <param name="ConversationId">The conversation id.</param>
/// <param name="CreatedAt">When the conversation started.</param>
/// <param name="LastActivityAt">When an activity was last appended (or <paramref name="CreatedAt"/>).</param>
/// <param name="ActivityCount">How many activities it holds, which is also its highest sequence number.</param>
public sealed record DirectLineConversationInfo(string ConversationId, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, long ActivityCount);
