using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>
/// An entity attached to an activity (<c>mention</c>, <c>clientInfo</c>, <c>ClientCapabilities</c>, …). Only
/// <see cref="Type"/> is modelled; everything else stays in <see cref="Properties"/>, so a new entity type
/// from a channel never fails deserialization.
/// </summary>
public sealed class Entity
{
    /// <summary>The entity type.</summary>
    public string? Type { get; set; }

    /// <summary>All other fields of the entity.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();
}
