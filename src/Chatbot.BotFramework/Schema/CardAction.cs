using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>A clickable action (button) in suggested actions or a card.</summary>
public sealed class CardAction
{
    /// <summary><c>imBack</c>, <c>postBack</c>, <c>messageBack</c>, <c>openUrl</c>, <c>call</c>, …</summary>
    public string? Type { get; set; }

    /// <summary>Button text.</summary>
    public string? Title { get; set; }

    /// <summary>Image shown on the button.</summary>
    public string? Image { get; set; }

    /// <summary>Text sent for messageBack.</summary>
    public string? Text { get; set; }

    /// <summary>Text shown in the chat for messageBack.</summary>
    public string? DisplayText { get; set; }

    /// <summary>The value sent (a string for imBack) or opened (a URL for openUrl).</summary>
    public JToken? Value { get; set; }

    /// <summary>Fields this type does not model, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();

    /// <summary>An imBack button whose click sends <paramref name="value"/> (or the title) as the user's text.</summary>
    public static CardAction ImBack(string title, string? value = null) =>
        new() { Type = ActionTypes.ImBack, Title = title, Value = value ?? title };
}

/// <summary>Buttons offered as quick replies.</summary>
public sealed class SuggestedActions
{
    /// <summary>Ids of the recipients the actions are shown to (omit for everyone).</summary>
    public IList<string>? To { get; set; }

    /// <summary>The actions.</summary>
    public IList<CardAction> Actions { get; set; } = [];

    /// <summary>Fields this type does not model, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();
}
