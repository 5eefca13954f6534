using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// Makes activities look like Direct Line's: what a client posts becomes a user activity the server vouches for, and
/// what the bot answers becomes a bot activity in the same conversation.
/// </summary>
internal sealed class DirectLineActivityNormalizer
{
    /// <summary>The channel id on every activity this server creates (what Web Chat itself sends).</summary>
    public const string ChannelId = Channels.Webchat;

    private static readonly HashSet<string> ClientTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing,
    };

    // Bot output a Direct Line client never sees.
    private static readonly HashSet<string> HiddenTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Trace, ActivityTypes.InvokeResponse, "delay",
    };

    private readonly DirectLineOptions _options;

    public DirectLineActivityNormalizer(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>The bot's account in this channel.</summary>
    public ChannelAccount Bot() => new() { Id = _options.BotId, Name = _options.BotName, Role = RoleTypes.Bot };

    /// <summary>True for activity types a client may post (message, event, typing).</summary>
    public static bool IsAllowedFromClient(string? type) => type is not null && ClientTypes.Contains(type);

    /// <summary>
    /// Rewrites a posted activity in place: server-owned fields are replaced (id and timestamp come later), the sender is
    /// the token's user when the token names one, and everything else the client sent (channelData with its
    /// clientActivityID, entities, value, unknown fields) is kept.
    /// </summary>
    public void NormalizeFromUser(Activity activity, string conversationId, string userId, string serviceUrl)
    {
        activity.Id = null;
        activity.Timestamp = null;
        activity.CallerId = null;
        activity.DeliveryMode = null;
        activity.ServiceUrl = serviceUrl;
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = RoleTypes.User };
        activity.Recipient = Bot();
    }

    /// <summary>The conversationUpdate that tells the bot a conversation started.</summary>
    public Activity ConversationStarted(string conversationId, ChannelAccount? user, string serviceUrl, DateTimeOffset timestamp)
    {
        List<ChannelAccount> members = [Bot()];
        if (user is not null)
        {
            members.Add(user);
        }

        return new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = DirectLineTokenService.NewId(),
            Timestamp = timestamp,
            ServiceUrl = serviceUrl,
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = conversationId },
            From = user,
            Recipient = Bot(),
            MembersAdded = members,
        };
    }

    /// <summary>
    /// Turns the bot's answers to <paramref name="turn"/> into transcript activities: hidden types dropped, sender the
    /// bot (never the user's id), addressee the user, <c>replyToId</c> the turn's activity when it is a stored one.
    /// Timestamps start at <paramref name="firstTimestamp"/> and rise by 1 ms, so they sort after the turn.
    /// </summary>
    public List<Activity> NormalizeReplies(IReadOnlyList<Activity>? replies, Activity turn, DateTimeOffset firstTimestamp)
    {
        List<Activity> result = [];
        var timestamp = firstTimestamp;
        var userId = turn.From?.Id;
        var turnIsStored = !turn.IsType(ActivityTypes.ConversationUpdate);
        foreach (var reply in replies ?? [])
        {
            if (reply is null || string.IsNullOrEmpty(reply.Type) || HiddenTypes.Contains(reply.Type))
            {
                continue;
            }

            reply.Id = null;
            reply.Timestamp = timestamp;
            reply.ServiceUrl = turn.ServiceUrl;
            reply.ChannelId = ChannelId;
            reply.Conversation = new ConversationAccount { Id = turn.Conversation?.Id };
            var fromId = reply.From?.Id;
            reply.From = string.IsNullOrEmpty(fromId) || string.Equals(fromId, userId, StringComparison.Ordinal)
                ? Bot()
                : new ChannelAccount { Id = fromId, Name = reply.From?.Name ?? _options.BotName, Role = RoleTypes.Bot };
            reply.Recipient = turn.From;
            reply.ReplyToId = turnIsStored ? reply.ReplyToId ?? turn.Id : null;
            reply.DeliveryMode = null;
            result.Add(reply);
            timestamp = timestamp.AddMilliseconds(1);
        }

        return result;
    }

    /// <summary>
    /// Dresses a stored activity for a client with its Direct Line id. No <c>webchat:sequence-id</c> is added: Web Chat
    /// 4.18 falls back to the timestamp in milliseconds, which is also what it uses for its own pending activities,
    /// and the server's timestamps rise by at least 1 ms per activity.
    /// </summary>
    public static Activity ForClient(DirectLineTranscriptEntry entry, string conversationId)
    {
        var activity = entry.Activity;
        activity.Id = ActivityId(conversationId, entry.Sequence);
        return activity;
    }

    /// <summary>The next server timestamp: now, truncated to whole milliseconds, but at least 1 ms after <paramref name="previous"/>.</summary>
    public static DateTimeOffset NextTimestamp(DateTimeOffset now, DateTimeOffset? previous)
    {
        var utc = now.ToUniversalTime();
        var truncated = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return previous is { } p && truncated <= p ? p.ToUniversalTime().AddMilliseconds(1) : truncated;
    }

    /// <summary>The client's own id of a posted activity (<c>channelData.clientActivityID</c>, set by Web Chat and directlinejs), or null.</summary>
    public static string? ClientActivityId(Activity? activity) =>
        activity?.ChannelData is Newtonsoft.Json.Linq.JObject data
        && data["clientActivityID"] is Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.String } value
        && value.Value is string { Length: > 0 and <= 200 } id
            ? id
            : null;

    /// <summary>Direct Line's activity id: <c>{conversationId}|0000001</c>.</summary>
    public static string ActivityId(string conversationId, long sequence) =>
        conversationId + "|" + sequence.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}
