using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>Mentions in a message (the SDK's <c>Activity.RemoveRecipientMention</c>).</summary>
public static class ActivityMentionExtensions
{
    /// <summary>
    /// The message text with every mention of the recipient (the bot) removed, found through the <c>mention</c>
    /// entities rather than by guessing from the text; each mention becomes a space. Not trimmed.
    /// </summary>
    public static string RemoveRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mentionedId = (string?)Property(entity, "mentioned")?.SelectToken("id");
            if (mentionedId is null || activity.Recipient?.Id is null || !string.Equals(mentionedId, activity.Recipient.Id, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mentionText = (string?)Property(entity, "text")
                ?? $"<at>{(string?)Property(entity, "mentioned")?.SelectToken("name")}</at>";
            if (!string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    private static JToken? Property(Entity entity, string name) =>
        entity.Properties.TryGetValue(name, out var value) ? value : null;
}
