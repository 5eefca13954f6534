using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>
/// The body of the HTTP 200 answer to an <c>adaptiveCard/action</c> invoke: a replacement card, a message, or an
/// error (see <see cref="AdaptiveCardInvokeResponseTypes"/>).
/// </summary>
public sealed class AdaptiveCardInvokeResponse
{
    /// <summary>The status the client should act on (200 for a card or message, 4xx/5xx for an error).</summary>
    public int StatusCode { get; set; }

    /// <summary>One of <see cref="AdaptiveCardInvokeResponseTypes"/>.</summary>
    public string? Type { get; set; }

    /// <summary>The card JSON, the message text, or an error <c>{code, message}</c>.</summary>
    public JToken? Value { get; set; }

    /// <summary>A response that replaces the card with <paramref name="card"/>.</summary>
    public static AdaptiveCardInvokeResponse Card(JToken card) =>
        new() { StatusCode = 200, Type = AdaptiveCardInvokeResponseTypes.Card, Value = card };

    /// <summary>A response that shows <paramref name="text"/> to the user and keeps the card.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) =>
        new() { StatusCode = 200, Type = AdaptiveCardInvokeResponseTypes.Message, Value = text };

    /// <summary>An error response (<c>application/vnd.microsoft.error</c>) with <c>{code, message}</c>.</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = AdaptiveCardInvokeResponseTypes.Error,
        Value = new JObject { ["code"] = code, ["message"] = message },
    };
}
