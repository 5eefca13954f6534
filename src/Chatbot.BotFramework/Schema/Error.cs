using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>The error inside an <see cref="ErrorResponse"/>.</summary>
public sealed class Error
{
    /// <summary>Machine-readable code, e.g. <c>BadArgument</c>, <c>ConversationBlockedByUser</c>, <c>MessageWritesBlocked</c>.</summary>
    public string? Code { get; set; }

    /// <summary>Human-readable description.</summary>
    public string? Message { get; set; }

    /// <summary>Status and body of an inner HTTP failure, where the service reports one.</summary>
    public JToken? InnerHttpError { get; set; }

    /// <summary>Fields this type does not model (Teams adds e.g. <c>subCode</c>), kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();
}
