using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.Patients;

/// <summary>Extracts what the user typed from a message activity.</summary>
public static partial class MessageText
{
    /// <summary>
    /// The message text with mentions of the bot removed (<see cref="ActivityMentionExtensions.RemoveRecipientMention"/>),
    /// HTML entities decoded and leftover tags stripped, trimmed.
    /// </summary>
    public static string Of(Activity activity)
    {
        var text = activity.RemoveRecipientMention();
        if (text.Contains('<', StringComparison.Ordinal) || text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(Tags().Replace(text, " "));
        }

        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>Every string inside a card submit's value, joined, so the safety gate sees typed form fields too.</summary>
    public static string ValueStrings(Activity activity)
    {
        if (activity.Value is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        var tokens = activity.Value is JContainer container ? container.DescendantsAndSelf() : [activity.Value];
        foreach (var token in tokens.OfType<JValue>())
        {
            if (token.Type == JTokenType.String)
            {
                builder.Append(token.Value<string>()).Append(". ");
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex("<[^>]{0,200}>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
