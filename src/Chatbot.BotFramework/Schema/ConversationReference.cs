using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>Everything needed to send a message into a conversation later (proactively).</summary>
public sealed class ConversationReference
{
    /// <summary>The activity the reference was taken from.</summary>
    public string? ActivityId { get; set; }

    /// <summary>The user.</summary>
    public ChannelAccount? User { get; set; }

    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The channel id.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The locale.</summary>
    public string? Locale { get; set; }

    /// <summary>Where messages are sent; only trust one that came from an authenticated request.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Fields this type does not model, kept so they round-trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();

    /// <summary>
    /// The event activity that starts a proactive turn for this conversation (name <c>ContinueConversation</c>):
    /// <c>from</c> is the user and <c>recipient</c> the bot, as if the user had spoken, and <c>relatesTo</c> is this
    /// reference. It has no <c>id</c>, so replies are posted to the conversation rather than threaded under an old
    /// activity; set <c>replyToId</c> on a reply to thread it.
    /// </summary>
    public Activity GetContinuationActivity() => new()
    {
        Type = ActivityTypes.Event,
        Name = ActivityEventNames.ContinueConversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = User,
        Recipient = Bot,
        Locale = Locale,
        RelatesTo = this,
    };
}
