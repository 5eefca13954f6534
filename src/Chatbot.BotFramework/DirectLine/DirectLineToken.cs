namespace Chatbot.BotFramework.DirectLine;

/// <summary>What a valid token says: the one conversation it opens, the user it speaks for, and when it expires.</summary>
internal sealed record DirectLineToken(string ConversationId, string? UserId, DateTimeOffset ExpiresAt);
