using Chatbot.BotFramework.Schema;
using Newtonsoft.Json;

namespace Chatbot.BotFramework.DirectLine;

// The small wire bodies of Direct Line 3.0, serialized with BotJson (camelCase, nulls omitted).

/// <summary>A conversation as <c>POST /conversations</c>, <c>GET /conversations/{id}</c> and the token endpoints return it.</summary>
internal sealed class ConversationResponse
{
    public required string ConversationId { get; init; }

    public required string Token { get; init; }

    [JsonProperty("expires_in")]
    public required int ExpiresIn { get; init; }

    public string? StreamUrl { get; init; }
}

/// <summary>The answer to a poll: activities after the client's watermark and the new watermark (a string).</summary>
internal sealed class ActivitySet
{
    public required IReadOnlyList<Activity> Activities { get; init; }

    public string? Watermark { get; init; }
}

/// <summary>Direct Line error codes.</summary>
internal static class ErrorCodes
{
    public const string BadArgument = "BadArgument";
    public const string Forbidden = "Forbidden";
    public const string TokenExpired = "TokenExpired";
    public const string NotFound = "NotFound";
    public const string TooManyRequests = "TooManyRequests";
    public const string PayloadTooLarge = "PayloadTooLarge";
    public const string ConversationFull = "ConversationFull";
    public const string BotError = "BotError";
    public const string BotTimeout = "BotTimeout";
    public const string ServiceError = "ServiceError";
}
