using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>The body of a non-2xx answer from a Bot Framework service: <c>{"error":{"code","message"}}</c>.</summary>
public sealed class ErrorResponse
{
    /// <summary>The error.</summary>
    public Error? Error { get; set; }

    /// <summary>Fields this type does not model, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();

    /// <summary>An error body with the given code and message.</summary>
    public static ErrorResponse Create(string code, string message) => new() { Error = new Error { Code = code, Message = message } };
}
