using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.WebChat;

/// <summary>
/// Web Chat's feedback buttons (4.17+): a bot message that carries a schema.org <c>Message</c> entity whose
/// <c>potentialAction</c> lists a <c>LikeAction</c> and a <c>DislikeAction</c> gets 👍/👎 buttons in its status line; a
/// press is posted back as an event named <see cref="EventName"/> whose entity is the pressed action. Channels that do
/// not know the entity ignore it.
/// </summary>
public static class WebChatFeedback
{
    /// <summary>The name of the event Web Chat posts when a feedback button is pressed.</summary>
    public const string EventName = "webchat:activity-status/feedback";

    private const string LikeAction = "LikeAction";
    private const string DislikeAction = "DislikeAction";
    private const string LikePrefix = "_:like-";
    private const string DislikePrefix = "_:dislike-";

    /// <summary>
    /// The entity that asks Web Chat for the buttons. <paramref name="feedbackId"/> goes into each action's <c>@id</c>
    /// (a JSON-LD blank node), so the press names the message it is about.
    /// </summary>
    public static Entity Request(string feedbackId)
    {
        ArgumentException.ThrowIfNullOrEmpty(feedbackId);
        return new Entity
        {
            Type = "https://schema.org/Message",
            Properties =
            {
                ["@context"] = "https://schema.org",
                ["@id"] = string.Empty, // Web Chat reads the root message entity only when its @id is empty.
                ["@type"] = "Message",
                ["potentialAction"] = new JArray(
                    new JObject { ["@type"] = LikeAction, ["@id"] = LikePrefix + feedbackId },
                    new JObject { ["@type"] = DislikeAction, ["@id"] = DislikePrefix + feedbackId }),
            },
        };
    }

    /// <summary>
    /// Reads a feedback press: true with the id given to <see cref="Request"/> and whether it was 👍, when
    /// <paramref name="activity"/> is Web Chat's feedback event and its action is one this library asked for.
    /// </summary>
    public static bool TryReadPress(Activity activity, out string feedbackId, out bool liked)
    {
        ArgumentNullException.ThrowIfNull(activity);
        feedbackId = string.Empty;
        liked = false;
        if (activity.Type != ActivityTypes.Event || !string.Equals(activity.Name, EventName, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var entity in activity.Entities ?? [])
        {
            var type = (entity.Properties.TryGetValue("@type", out var t) ? t : null)?.Type == JTokenType.String ? (string?)t : null;
            var id = (entity.Properties.TryGetValue("@id", out var i) ? i : null)?.Type == JTokenType.String ? (string?)i : null;
            if (id is null)
            {
                continue;
            }

            if (type == LikeAction && id.StartsWith(LikePrefix, StringComparison.Ordinal))
            {
                (feedbackId, liked) = (id[LikePrefix.Length..], true);
            }
            else if (type == DislikeAction && id.StartsWith(DislikePrefix, StringComparison.Ordinal))
            {
                (feedbackId, liked) = (id[DislikePrefix.Length..], false);
            }

            if (feedbackId.Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}
