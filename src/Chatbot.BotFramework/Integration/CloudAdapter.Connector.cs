using System.Security.Claims;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Connector;
using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace Chatbot.BotFramework.Integration;

/// <content>Outgoing traffic: out-of-band sends, updates, deletes, proactive turns, new conversations.</content>
public sealed partial class CloudAdapter
{
    /// <summary>
    /// Sends proactively into a known conversation: runs <paramref name="callback"/> in a turn whose incoming activity
    /// is <see cref="ConversationReference.GetContinuationActivity"/>; what it sends goes to the reference's
    /// <c>serviceUrl</c> (no <c>replyToId</c> unless the callback sets one). Middleware runs; exceptions (e.g. a
    /// <see cref="ConnectorException"/> 403 when a Teams user blocked the bot) propagate to the caller and do not go to
    /// <see cref="BotAdapter.OnTurnError"/>.
    /// </summary>
    /// <param name="reference">Stored from an earlier authenticated activity; <c>serviceUrl</c>, <c>conversation.id</c>, user and bot are required.</param>
    /// <param name="callback">What to do in the turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    public override async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var turn = new TurnContext(this, reference.GetContinuationActivity(), CreateProactiveIdentity(), bufferReplies: false);
        turn.TurnState[ProactiveTurnKey] = true;
        await MiddlewareSet.ReceiveActivityAsync(turn, callback, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="ContinueConversationAsync"/> but collects what <paramref name="callback"/> sends instead of
    /// posting it, for conversations that live in an in-process channel (the Direct Line server appends them itself).
    /// </summary>
    /// <param name="reference">The conversation.</param>
    /// <param name="callback">What to do in the turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The activities sent, in order.</returns>
    public async Task<IReadOnlyList<Activity>> ContinueConversationInProcessAsync(
        ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var turn = new TurnContext(this, reference.GetContinuationActivity(), new ClaimsIdentity(InProcessChannelAuthenticationType), bufferReplies: true);
        turn.TurnState[ProactiveTurnKey] = true;
        await MiddlewareSet.ReceiveActivityAsync(turn, callback, cancellationToken);
        return turn.BufferedReplyActivities;
    }

    /// <summary>Creates a conversation on a channel (Teams 1:1 before a proactive message); see <see cref="ConnectorClient.CreateConversationAsync"/>.</summary>
    /// <param name="serviceUrl">The channel's service URL, stored from an authenticated activity.</param>
    /// <param name="parameters">Bot, members, tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new conversation.</returns>
    public Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        Destination(serviceUrl, "new");
        return CreateConnector().CreateConversationAsync(serviceUrl, parameters, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(
        ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var connector = CreateConnector();
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var (serviceUrl, conversationId) = Destination(activity.ServiceUrl, activity.Conversation?.Id);

            // Channels assign ids (A2031); the SDK clears any the bot set.
            activity.Id = null;
            LogSending(_logger, activity.Type, activity.ReplyToId is not null);
            responses[i] = activity.ReplyToId is { Length: > 0 } replyToId
                ? await connector.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, activity, cancellationToken)
                : await connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
        }

        return responses;
    }

    /// <inheritdoc />
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id, nameof(activity));
        var (serviceUrl, conversationId) = Destination(activity.ServiceUrl, activity.Conversation?.Id);
        return CreateConnector().UpdateActivityAsync(serviceUrl, conversationId, activity.Id, activity, cancellationToken);
    }

    /// <inheritdoc />
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(reference.ActivityId, nameof(reference));
        var (serviceUrl, conversationId) = Destination(reference.ServiceUrl, reference.Conversation?.Id);
        return CreateConnector().DeleteActivityAsync(serviceUrl, conversationId, reference.ActivityId, cancellationToken);
    }

    private ConnectorClient CreateConnector() =>
        _connectorFactory.CreateClient(_httpClientFactory.CreateClient(ConnectorClient.HttpClientName));

    private ClaimsIdentity CreateProactiveIdentity()
    {
        if (_authenticationOptions.IsAnonymous)
        {
            return new ClaimsIdentity();
        }

        var appId = _authenticationOptions.MicrosoftAppId!;
        return new ClaimsIdentity([new Claim("aud", appId), new Claim("appid", appId)], "BotFramework.Proactive");
    }

    private (string ServiceUrl, string ConversationId) Destination(string? serviceUrl, string? conversationId)
    {
        if (string.IsNullOrEmpty(serviceUrl) || string.IsNullOrEmpty(conversationId))
        {
            throw new InvalidOperationException("The activity has no serviceUrl or conversation id to send it to.");
        }

        // Checked again here, not only on arrival: stored references and proactive sends must obey the same rule.
        if (!_serviceUrls.IsAllowed(serviceUrl))
        {
            throw new InvalidOperationException("The serviceUrl is not an allowed Bot Framework host (BotFramework:AllowedServiceUrlHosts); nothing was sent.");
        }

        return (serviceUrl, conversationId);
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Sending {ActivityType} out of band (reply: {IsReply})")]
    private static partial void LogSending(ILogger logger, string? activityType, bool isReply);
}
