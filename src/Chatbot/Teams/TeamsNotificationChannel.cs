using System.Collections.Concurrent;
using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Connector;
using Chatbot.BotFramework.Integration;
using Chatbot.BotFramework.Schema;
using Chatbot.Conversation;
using Chatbot.Notifications;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Teams;

namespace Chatbot.Teams;

/// <summary>
/// Posts staff notifications (booking requests, hand-offs) as new threads in the Teams channel
/// <see cref="TeamsOptions.NotificationChannelId"/>: <c>POST {serviceUrl}/v3/conversations</c> with
/// <c>channelData.channel.id</c>, the tenant and the card as the thread's first activity (what the SDK's
/// <c>TeamsInfo.SendMessageToTeamsChannelAsync</c> does); when the Connector creates the thread without posting the
/// activity (no <c>activityId</c> in its answer), the activity is then posted to the new conversation.
/// </summary>
/// <remarks>
/// The service URL, tenant and bot id come from the conversation reference captured when the app was installed in the
/// team or a staff member last wrote to the bot (<see cref="ITeamsConversationStore"/>). Until one is known, and on
/// any Connector failure (403 <c>MessageWritesBlocked</c> when the app was removed, 5xx…), delivery throws: the
/// <see cref="NotificationDispatcher"/> keeps the item in the outbox and retries with backoff, so nothing is lost.
/// </remarks>
public sealed partial class TeamsNotificationChannel(
    CloudAdapter adapter,
    ITeamsConversationStore conversations,
    StaffNotificationCards cards,
    AudienceResolver audience,
    IOptions<TeamsOptions> options,
    IOptions<BotFrameworkAuthenticationOptions> identity,
    ILogger<TeamsNotificationChannel> logger) : INotificationChannel
{
    // Ids posted by this process: when another channel (the webhook) fails, the dispatcher retries every channel, and
    // this keeps the retry from posting the same notification into Teams twice.
    private readonly ConcurrentDictionary<string, byte> _posted = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => "teams";

    /// <inheritdoc />
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.NotificationChannelId);

    /// <inheritdoc />
    public async Task DeliverAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var channelId = options.Value.NotificationChannelId?.Trim();
        if (string.IsNullOrEmpty(channelId))
        {
            throw new InvalidOperationException("The Teams notification channel is not configured.");
        }

        if (_posted.ContainsKey(notification.Id))
        {
            return;
        }

        var target = await FindTargetAsync(channelId, cancellationToken)
            ?? throw new InvalidOperationException(
                "No Teams service URL is known yet: add the app to the staff team (or @mention the bot there once) so it can learn where to post.");
        var tenant = target.TenantId;
        var bot = new ChannelAccount { Id = target.BotId ?? "28:" + identity.Value.MicrosoftAppId, Name = target.BotName };
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = bot,
            TenantId = tenant,
            ChannelData = new JObject
            {
                ["channel"] = new JObject { ["id"] = channelId },
                ["tenant"] = tenant is null ? null : new JObject { ["id"] = tenant },
            },
            Activity = await cards.CreateAsync(notification, cancellationToken),
        };

        try
        {
            var created = await adapter.CreateConversationAsync(target.ServiceUrl, parameters, cancellationToken);
            if (string.IsNullOrEmpty(created.ActivityId) && !string.IsNullOrEmpty(created.Id))
            {
                var reference = new ConversationReference
                {
                    ChannelId = Channels.Msteams,
                    ServiceUrl = created.ServiceUrl ?? target.ServiceUrl,
                    Bot = bot,
                    Conversation = new ConversationAccount { Id = created.Id, IsGroup = true, TenantId = tenant },
                };
                var activity = await cards.CreateAsync(notification, cancellationToken);
                await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(activity, ct), cancellationToken);
            }
        }
        catch (ConnectorException ex)
        {
            if (ex.HasCode("MessageWritesBlocked") || ex.StatusCode == System.Net.HttpStatusCode.Forbidden)
            {
                Log.Blocked(logger, notification.Id, (int)ex.StatusCode, ex.SubCode ?? ex.Code);
            }

            // The dispatcher logs and reschedules; an HttpRequestException carries the status into its log line.
            throw new HttpRequestException($"Teams refused the post (HTTP {(int)ex.StatusCode}).", ex, ex.StatusCode);
        }

        if (_posted.Count > 10_000)
        {
            _posted.Clear();
        }

        _posted[notification.Id] = 0;
    }

    private async Task<TeamsConversationReference?> FindTargetAsync(string channelId, CancellationToken cancellationToken)
    {
        if (await conversations.FindChannelAsync(channelId, cancellationToken) is { } channel)
        {
            return channel;
        }

        // Any conversation of an allowed tenant shares the tenant's service URL (it is per region, not per channel).
        var recent = await conversations.ListAsync(50, cancellationToken);
        return recent.FirstOrDefault(r => audience.IsAllowedTenantId(r.TenantId));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Teams refused staff notification {NotificationId} with HTTP {StatusCode} ({Code}): the app may have been removed from the staff team or blocked. It stays in the outbox and is retried.")]
        public static partial void Blocked(ILogger logger, string notificationId, int statusCode, string? code);
    }
}
