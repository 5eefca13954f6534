using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.Staff.Teams;

/// <summary>
/// Small builders for the Adaptive Cards (1.4, the first version with Teams Universal Actions) the bot sends to staff.
/// Buttons that change something are <c>Action.Execute</c>: Teams sends an <c>adaptiveCard/action</c> invoke and shows
/// the card the bot answers with in place of the old one.
/// </summary>
public static class AdaptiveCards
{
    /// <summary>The card schema version.</summary>
    public const string Version = "1.4";

    /// <summary>A full-width card with <paramref name="body"/> and optional card-level <paramref name="actions"/>.</summary>
    public static JObject Card(IEnumerable<JToken> body, IEnumerable<JToken>? actions = null)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JArray(body),
            ["msteams"] = new JObject { ["width"] = "Full" },
        };
        var list = actions?.ToList();
        if (list is { Count: > 0 })
        {
            card["actions"] = new JArray(list);
        }

        return card;
    }

    /// <summary>A wrapping text block (Adaptive Card Markdown: bold, italics, lists, links).</summary>
    public static JObject Text(string text, bool bold = false, string? size = null, bool subtle = false, string? color = null)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        return block;
    }

    /// <summary>A heading.</summary>
    public static JObject Heading(string text) => Text(text, bold: true, size: "Medium");

    /// <summary>Label/value pairs; pairs with an empty value are left out.</summary>
    public static JObject Facts(params (string Title, string? Value)[] facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JArray(facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new JObject { ["title"] = f.Title, ["value"] = f.Value })),
    };

    /// <summary>A group of elements, separated from the one above.</summary>
    public static JObject Container(IEnumerable<JToken> items, string? style = null)
    {
        var container = new JObject { ["type"] = "Container", ["items"] = new JArray(items), ["separator"] = true, ["spacing"] = "Medium" };
        if (style is not null)
        {
            container["style"] = style;
        }

        return container;
    }

    /// <summary>A row of buttons inside the body.</summary>
    public static JObject ActionSet(IEnumerable<JToken> actions) => new() { ["type"] = "ActionSet", ["actions"] = new JArray(actions) };

    /// <summary>A Universal Action button: Teams invokes <c>adaptiveCard/action</c> with this verb and data.</summary>
    public static JObject Execute(string title, string verb, JObject data) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = data,
    };

    /// <summary>
    /// A button that sends <paramref name="text"/> as if the user had typed it (Teams' <c>msteams.imBack</c> on an
    /// <c>Action.Submit</c>), for the quick replies Teams cannot show as suggested actions.
    /// </summary>
    public static JObject ImBack(string title, string text) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JObject { ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = text } },
    };

    /// <summary>A link button.</summary>
    public static JObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    /// <summary>The card as an attachment.</summary>
    public static Attachment Attachment(JObject card) => new() { ContentType = ContentTypes.AdaptiveCard, Content = card };

    /// <summary>A message that carries only <paramref name="card"/> (Teams splits text plus a card into two posts).</summary>
    public static Activity Message(JObject card, string summary) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [Attachment(card)],
    };
}
