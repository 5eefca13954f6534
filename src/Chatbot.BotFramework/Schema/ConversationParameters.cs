using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>The body of <c>POST {serviceUrl}/v3/conversations</c> (create a conversation, e.g. a Teams 1:1 chat).</summary>
public sealed class ConversationParameters
{
    /// <summary>True for a group conversation (Teams: a new channel thread).</summary>
    public bool? IsGroup { get; set; }

    /// <summary>The bot (Teams: <c>28:&lt;appId&gt;</c>).</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>The members (Teams 1:1: the one user, <c>29:…</c>).</summary>
    public IList<ChannelAccount>? Members { get; set; }

    /// <summary>Topic of a group conversation.</summary>
    public string? TopicName { get; set; }

    /// <summary>The tenant (Teams).</summary>
    public string? TenantId { get; set; }

    /// <summary>An initial activity to post into the new conversation.</summary>
    public Activity? Activity { get; set; }

    /// <summary>Channel-specific payload (Teams: <c>{tenant:{id}}</c> or <c>{channel:{id}}</c>).</summary>
    public JToken? ChannelData { get; set; }

    /// <summary>Fields this type does not model, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();
}
