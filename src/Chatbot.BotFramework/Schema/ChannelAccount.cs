using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>A user or bot on a channel.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel-specific id (Teams: <c>29:…</c> users, <c>28:&lt;appId&gt;</c> bots).</summary>
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Microsoft Entra object id, where the channel knows it.</summary>
    public string? AadObjectId { get; set; }

    /// <summary><c>user</c>, <c>bot</c> or <c>skill</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Fields this type does not model, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();
}
