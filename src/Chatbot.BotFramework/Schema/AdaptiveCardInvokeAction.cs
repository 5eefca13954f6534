using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>The action of an <c>adaptiveCard/action</c> invoke: an Adaptive Card <c>Action.Execute</c>.</summary>
public sealed class AdaptiveCardInvokeAction
{
    /// <summary>The action type; only <c>Action.Execute</c> is accepted.</summary>
    public string? Type { get; set; }

    /// <summary>The action id from the card.</summary>
    public string? Id { get; set; }

    /// <summary>The verb the card author chose.</summary>
    public string? Verb { get; set; }

    /// <summary>The action data merged with the card's input values.</summary>
    public JToken? Data { get; set; }

    /// <summary>Fields this type does not model, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();
}
