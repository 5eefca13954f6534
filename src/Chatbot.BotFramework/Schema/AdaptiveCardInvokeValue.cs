using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>The <see cref="Activity.Value"/> of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed class AdaptiveCardInvokeValue
{
    /// <summary>The action the user executed.</summary>
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary>Single-sign-on token exchange data, when present.</summary>
    public JToken? Authentication { get; set; }

    /// <summary>A magic code from a sign-in flow, when present.</summary>
    public string? State { get; set; }

    /// <summary>What triggered the action: <c>manual</c> or <c>automatic</c> (refresh).</summary>
    public string? Trigger { get; set; }

    /// <summary>Fields this type does not model, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();
}
