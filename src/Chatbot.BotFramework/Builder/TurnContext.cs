using System.Security.Claims;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Builder;

/// <summary>
/// One turn (the SDK's <c>TurnContext</c>). Outgoing activities get their missing routing fields from the incoming
/// activity (protocol §2.3): <c>from</c>/<c>recipient</c> swapped, conversation, <c>channelId</c>,
/// <c>serviceUrl</c>, <c>locale</c>, and <c>replyToId</c> = the incoming id (not for conversationUpdate on Direct
/// Line / Web Chat). Fields the bot set itself are kept.
/// </summary>
/// <remarks>
/// When <see cref="BuffersReplies"/> is true (the incoming <c>deliveryMode</c> is <c>expectReplies</c>, or an
/// in-process channel runs the turn) activities are collected in <see cref="BufferedReplyActivities"/> instead of
/// being sent. <c>trace</c> activities are dropped unless the channel is <c>emulator</c>.
/// </remarks>
public sealed class TurnContext : ITurnContext
{
    private readonly List<Activity> _buffer = [];
    private readonly List<SendActivitiesHandler> _onSend = [];
    private readonly Lock _bufferLock = new();

    /// <summary>Creates a turn for <paramref name="activity"/>; replies are buffered when it asks for <c>expectReplies</c>.</summary>
    /// <param name="adapter">Delivers outgoing activities.</param>
    /// <param name="activity">The incoming activity.</param>
    /// <param name="identity">The authenticated caller; an empty anonymous identity when omitted.</param>
    public TurnContext(BotAdapter adapter, Activity activity, ClaimsIdentity? identity = null)
        : this(adapter, activity, identity, activity?.DeliveryMode == DeliveryModes.ExpectReplies)
    {
    }

    /// <summary>Creates a turn and chooses explicitly whether replies are buffered.</summary>
    /// <param name="adapter">Delivers outgoing activities.</param>
    /// <param name="activity">The incoming activity.</param>
    /// <param name="identity">The authenticated caller; an empty anonymous identity when omitted.</param>
    /// <param name="bufferReplies">True to collect replies in <see cref="BufferedReplyActivities"/> instead of sending them.</param>
    public TurnContext(BotAdapter adapter, Activity activity, ClaimsIdentity? identity, bool bufferReplies)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(activity);
        Adapter = adapter;
        Activity = activity;
        Identity = identity ?? new ClaimsIdentity();
        BuffersReplies = bufferReplies;
    }

    /// <summary>The adapter running the turn.</summary>
    public BotAdapter Adapter { get; }

    /// <inheritdoc />
    public Activity Activity { get; }

    /// <inheritdoc />
    public ClaimsIdentity Identity { get; }

    /// <inheritdoc />
    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Responded { get; private set; }

    /// <inheritdoc />
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>True when outgoing activities are collected instead of sent.</summary>
    public bool BuffersReplies { get; }

    /// <summary>The activities collected so far when <see cref="BuffersReplies"/> is true, in send order.</summary>
    public IReadOnlyList<Activity> BufferedReplyActivities
    {
        get
        {
            lock (_bufferLock)
            {
                return [.. _buffer];
            }
        }
    }

    /// <inheritdoc />
    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken) =>
        SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Markdown }, cancellationToken);

    /// <inheritdoc />
    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var all = activities.ToList();
        var responses = new ResourceResponse[all.Count];
        var deliver = new List<(int Index, Activity Activity)>(all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            var activity = all[i] ?? throw new ArgumentException("An activity in the list is null.", nameof(activities));
            if (activity.IsType(ActivityTypes.InvokeResponse))
            {
                // The SDK's way to answer an invoke: an invokeResponse activity whose value is {status, body}.
                var value = activity.Value as JObject;
                InvokeResponse = new InvokeResponse(value?["status"]?.Value<int?>() ?? 200, value?["body"]);
                responses[i] = new ResourceResponse(null);
                continue;
            }

            ApplyRouting(activity, Activity);
            if (activity.IsType(ActivityTypes.Trace) && !IsEmulator(activity.ChannelId))
            {
                responses[i] = new ResourceResponse(null);
                continue;
            }

            deliver.Add((i, activity));
        }

        if (deliver.Count == 0)
        {
            return responses;
        }

        var outgoing = deliver.ConvertAll(d => d.Activity);
        var sent = await RunSendHandlersAsync(outgoing, 0, cancellationToken);
        for (var i = 0; i < deliver.Count; i++)
        {
            responses[deliver[i].Index] = i < sent.Length ? sent[i] : new ResourceResponse(null);
        }

        return responses;
    }

    /// <inheritdoc />
    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onSend.Add(handler);
        return this;
    }

    private Task<ResourceResponse[]> RunSendHandlersAsync(List<Activity> activities, int handler, CancellationToken cancellationToken) =>
        handler < _onSend.Count
            ? _onSend[handler](this, activities, () => RunSendHandlersAsync(activities, handler + 1, cancellationToken))
            : DeliverAsync(activities, cancellationToken);

    private async Task<ResourceResponse[]> DeliverAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        ResourceResponse[] sent;
        if (BuffersReplies)
        {
            lock (_bufferLock)
            {
                _buffer.AddRange(activities);
            }

            sent = [.. activities.Select(_ => new ResourceResponse(null))];
        }
        else
        {
            sent = await Adapter.SendActivitiesAsync(this, [.. activities], cancellationToken);
        }

        if (activities.Exists(a => !a.IsType(ActivityTypes.Trace)))
        {
            Responded = true;
        }

        return sent;
    }

    /// <summary>Replaces an activity the bot sent earlier; routing fields are completed as for a send.</summary>
    /// <param name="activity">The new content; <see cref="Activity.Id"/> names the activity to replace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel's response.</returns>
    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ApplyRouting(activity, Activity);
        return Adapter.UpdateActivityAsync(this, activity, cancellationToken);
    }

    /// <summary>Deletes an activity the bot sent earlier in this conversation.</summary>
    /// <param name="activityId">The id the channel returned when it was sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return Adapter.DeleteActivityAsync(this, reference, cancellationToken);
    }

    /// <summary>
    /// Fills the routing fields <paramref name="outgoing"/> lacks from <paramref name="incoming"/> (see the class
    /// remarks); a missing <c>type</c> becomes <c>message</c>.
    /// </summary>
    /// <param name="outgoing">The activity the bot sends; changed in place.</param>
    /// <param name="incoming">The activity that started the turn.</param>
    public static void ApplyRouting(Activity outgoing, Activity incoming)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(incoming);
        if (string.IsNullOrEmpty(outgoing.Type))
        {
            outgoing.Type = ActivityTypes.Message;
        }

        outgoing.ChannelId ??= incoming.ChannelId;
        outgoing.ServiceUrl ??= incoming.ServiceUrl;
        outgoing.Locale ??= incoming.Locale;
        if (string.IsNullOrEmpty(outgoing.Conversation?.Id) && incoming.Conversation is { } conversation)
        {
            outgoing.Conversation = new ConversationAccount
            {
                Id = conversation.Id,
                Name = conversation.Name,
                IsGroup = conversation.IsGroup,
                TenantId = conversation.TenantId,
            };
        }

        if (outgoing.From is null && incoming.Recipient is { } bot)
        {
            outgoing.From = new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = bot.Role ?? RoleTypes.Bot };
        }

        if (outgoing.Recipient is null && incoming.From is { } user)
        {
            outgoing.Recipient = new ChannelAccount { Id = user.Id, Name = user.Name, AadObjectId = user.AadObjectId, Role = user.Role };
        }

        if (outgoing.ReplyToId is null && !IsDirectLineConversationUpdate(incoming))
        {
            outgoing.ReplyToId = incoming.Id;
        }
    }

    // The id of a conversationUpdate on Direct Line / Web Chat is not a stored activity, so it cannot be replied to.
    private static bool IsDirectLineConversationUpdate(Activity incoming) =>
        incoming.IsType(ActivityTypes.ConversationUpdate)
        && (string.Equals(incoming.ChannelId, Channels.DirectLine, StringComparison.OrdinalIgnoreCase)
            || string.Equals(incoming.ChannelId, Channels.Webchat, StringComparison.OrdinalIgnoreCase));

    private static bool IsEmulator(string? channelId) =>
        string.Equals(channelId, Channels.Emulator, StringComparison.OrdinalIgnoreCase);
}
