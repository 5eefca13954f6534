using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity as it travels on the wire (the Activity schema). Property names are camelCase,
/// nulls are omitted, and any field this type does not know is kept in <see cref="Properties"/> so it round-trips.
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type, e.g. <c>message</c>; see <see cref="ActivityTypes"/>. Unknown types are kept as they are.</summary>
    public string? Type { get; set; }

    /// <summary>The id the channel assigned when it recorded the activity.</summary>
    public string? Id { get; set; }

    /// <summary>UTC time the channel recorded the activity (written as ISO-8601 UTC with <c>Z</c>).</summary>
    [JsonConverter(typeof(UtcDateTimeOffsetConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Local time of the sender, as the client reported it.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA time zone of the sender.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Where replies to this activity are sent.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The channel, e.g. <c>msteams</c>, <c>webchat</c>, <c>directline</c>, <c>emulator</c>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation the activity belongs to.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The addressee.</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>The text format: <c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>Layout of several attachments: <c>list</c> or <c>carousel</c>.</summary>
    public string? AttachmentLayout { get; set; }

    /// <summary>Members added to the conversation (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Members removed from the conversation (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Topic name of the conversation (conversationUpdate).</summary>
    public string? TopicName { get; set; }

    /// <summary>BCP-47 locale of the sender.</summary>
    public string? Locale { get; set; }

    /// <summary>The message text.</summary>
    public string? Text { get; set; }

    /// <summary>Text to speak.</summary>
    public string? Speak { get; set; }

    /// <summary>Whether the sender expects input: <c>acceptingInput</c>, <c>expectingInput</c> or <c>ignoringInput</c>.</summary>
    public string? InputHint { get; set; }

    /// <summary>A short summary of the activity.</summary>
    public string? Summary { get; set; }

    /// <summary>Buttons the user can tap as a reply.</summary>
    public SuggestedActions? SuggestedActions { get; set; }

    /// <summary>Cards and files.</summary>
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>Mentions, client info and other entities; unknown entity types are kept.</summary>
    public IList<Entity>? Entities { get; set; }

    /// <summary>Channel-specific payload (Teams tenant, team, channel; Web Chat clientActivityID).</summary>
    public JToken? ChannelData { get; set; }

    /// <summary>Action of an installationUpdate or contactRelationUpdate, e.g. <c>add</c>.</summary>
    public string? Action { get; set; }

    /// <summary>The id of the activity this one answers.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>Label of a trace activity.</summary>
    public string? Label { get; set; }

    /// <summary>Type of <see cref="Value"/> for a trace activity.</summary>
    public string? ValueType { get; set; }

    /// <summary>Programmatic payload: card submits, event and invoke parameters.</summary>
    public JToken? Value { get; set; }

    /// <summary>Name of an event or invoke activity.</summary>
    public string? Name { get; set; }

    /// <summary>The conversation reference this activity relates to (hand-off).</summary>
    public ConversationReference? RelatesTo { get; set; }

    /// <summary>Code of an endOfConversation activity.</summary>
    public string? Code { get; set; }

    /// <summary>When the activity expires (written as ISO-8601 UTC with <c>Z</c>).</summary>
    [JsonConverter(typeof(UtcDateTimeOffsetConverter))]
    public DateTimeOffset? Expiration { get; set; }

    /// <summary>Importance: <c>low</c>, <c>normal</c>, <c>high</c>.</summary>
    public string? Importance { get; set; }

    /// <summary><c>normal</c> (default), <c>notification</c>, <c>ephemeral</c> or <c>expectReplies</c>.</summary>
    public string? DeliveryMode { get; set; }

    /// <summary>Words to help speech recognition.</summary>
    public IList<string>? ListenFor { get; set; }

    /// <summary>Set by the receiver after authentication; an inbound value is discarded.</summary>
    public string? CallerId { get; set; }

    /// <summary>Fields this type does not model, kept so they round-trip unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> Properties { get; set; } = new Dictionary<string, JToken>();

    /// <summary>True when <see cref="Type"/> equals <paramref name="type"/> (ordinal, as the spec requires).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);

    /// <summary>
    /// Builds a message that answers this activity: <c>from</c> and <c>recipient</c> swapped, same conversation, channel,
    /// service URL and locale, and <c>replyToId</c> set to this activity's id (except for conversationUpdate on
    /// Direct Line / Web Chat, where that id is not a stored activity).
    /// </summary>
    public Activity CreateReply(string? text = null)
    {
        var omitReplyTo = IsType(ActivityTypes.ConversationUpdate)
            && (string.Equals(ChannelId, Channels.DirectLine, StringComparison.OrdinalIgnoreCase)
                || string.Equals(ChannelId, Channels.Webchat, StringComparison.OrdinalIgnoreCase));
        return new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = null,
            From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name, Role = Recipient.Role ?? RoleTypes.Bot },
            Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId, Role = From.Role },
            Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, Name = Conversation.Name, IsGroup = Conversation.IsGroup, TenantId = Conversation.TenantId },
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl,
            Locale = Locale,
            ReplyToId = omitReplyTo ? null : Id,
            Text = text,
            TextFormat = text is null ? null : TextFormats.Markdown,
            InputHint = InputHints.AcceptingInput,
        };
    }

    /// <summary>The reference needed to message this conversation later (proactively).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };
}
