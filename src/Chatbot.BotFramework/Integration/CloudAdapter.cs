using System.Security.Claims;
using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Connector;
using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using BotMiddleware = Chatbot.BotFramework.Builder.IMiddleware;

namespace Chatbot.BotFramework.Integration;

/// <summary>
/// The Bot Framework adapter (the SDK's <c>CloudAdapter</c>): serves <c>POST /api/messages</c>
/// (<see cref="ProcessAsync"/>), runs turns for in-process channels (<see cref="ProcessInProcessAsync(Activity, IBot, CancellationToken)"/>),
/// sends proactive messages (<see cref="ContinueConversationAsync"/>), and delivers the bot's activities through
/// <see cref="ConnectorClient"/>. A singleton; configure <see cref="BotAdapter.OnTurnError"/> and middleware at startup.
/// </summary>
/// <remarks>
/// A turn never fails the request: an exception from the bot goes to <see cref="BotAdapter.OnTurnError"/> (set from a
/// registered <see cref="ITurnErrorHandler"/>), and if that throws too, or none is set, it is logged and the turn ends.
/// </remarks>
public sealed partial class CloudAdapter : BotAdapter
{
    /// <summary>
    /// Authentication type of the identity of turns run by an in-process channel (our Direct Line server). No request to
    /// <c>/api/messages</c> can carry it, so the bot can tell its own channel's conversations from claimed ones.
    /// </summary>
    public const string InProcessChannelAuthenticationType = "Chatbot.InProcessChannel";

    /// <summary>
    /// The <see cref="ITurnContext.TurnState"/> key present on turns the bot itself starts (<c>ContinueConversation</c>),
    /// so middleware that screens incoming activities can tell them from what a channel sent.
    /// </summary>
    public const string ProactiveTurnKey = "Chatbot.BotFramework.ProactiveTurn";

    private readonly ChannelAuthenticator _authenticator;
    private readonly ActivityReader _activityReader;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ITypedHttpClientFactory<ConnectorClient> _connectorFactory;
    private readonly BotFrameworkAuthenticationOptions _authenticationOptions;
    private readonly BotFrameworkAdapterOptions _options;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly ILogger _logger;

    /// <summary>Creates the adapter (normally resolved from DI, see <c>AddBotFramework</c>).</summary>
    /// <param name="authenticator">Validates channel tokens.</param>
    /// <param name="activityReader">Parses request bodies.</param>
    /// <param name="httpClientFactory">Provides the connector's HTTP client.</param>
    /// <param name="connectorFactory">Creates a <see cref="ConnectorClient"/> around that client.</param>
    /// <param name="authenticationOptions">The bot's app id (for proactive turns).</param>
    /// <param name="options">Body limit and logging switches.</param>
    /// <param name="logger">Logs turns (never activity text above Debug).</param>
    /// <param name="middleware">Middleware registered in DI, added in registration order.</param>
    /// <param name="turnErrorHandler">The handler used as <see cref="BotAdapter.OnTurnError"/>, when registered.</param>
    /// <param name="serviceUrls">Where outbound activities may go; built from <paramref name="authenticationOptions"/> when not given.</param>
    public CloudAdapter(
        ChannelAuthenticator authenticator,
        ActivityReader activityReader,
        IHttpClientFactory httpClientFactory,
        ITypedHttpClientFactory<ConnectorClient> connectorFactory,
        IOptions<BotFrameworkAuthenticationOptions> authenticationOptions,
        IOptions<BotFrameworkAdapterOptions> options,
        ILogger<CloudAdapter> logger,
        IEnumerable<BotMiddleware>? middleware = null,
        ITurnErrorHandler? turnErrorHandler = null,
        ServiceUrlPolicy? serviceUrls = null)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(activityReader);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(connectorFactory);
        ArgumentNullException.ThrowIfNull(authenticationOptions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _authenticator = authenticator;
        _activityReader = activityReader;
        _httpClientFactory = httpClientFactory;
        _connectorFactory = connectorFactory;
        _authenticationOptions = authenticationOptions.Value;
        _options = options.Value;
        _serviceUrls = serviceUrls ?? new ServiceUrlPolicy(authenticationOptions);
        _logger = logger;
        foreach (var item in middleware ?? [])
        {
            Use(item);
        }

        if (turnErrorHandler is not null)
        {
            OnTurnError = turnErrorHandler.OnTurnErrorAsync;
        }

        if (_authenticationOptions.AcceptsAnonymousRequests)
        {
            LogAnonymousMode(_logger);
        }
        else if (_authenticationOptions.IsAnonymous)
        {
            LogMessagesClosed(_logger);
        }
    }

    /// <summary>
    /// Runs a turn for an already-authenticated activity (SDK <c>ProcessActivityAsync</c>). The activity's
    /// <c>callerId</c> is left as the caller set it.
    /// </summary>
    /// <param name="identity">The caller's claims.</param>
    /// <param name="activity">The incoming activity.</param>
    /// <param name="callback">The bot.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>
    /// For <c>expectReplies</c>: 200 with <see cref="ExpectedReplies"/>; for an invoke: the bot's response, or 501;
    /// otherwise <see langword="null"/> (answer 200; replies went out of band).
    /// </returns>
    public async Task<InvokeResponse?> ProcessActivityAsync(
        ClaimsIdentity identity, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var turn = await RunTurnAsync(identity, activity, callback, activity.DeliveryMode == DeliveryModes.ExpectReplies, cancellationToken);
        return TurnResult(turn);
    }

    /// <inheritdoc cref="ProcessActivityAsync(ClaimsIdentity, Activity, BotCallbackHandler, CancellationToken)"/>
    public Task<InvokeResponse?> ProcessActivityAsync(ClaimsIdentity identity, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return ProcessActivityAsync(identity, activity, bot.OnTurnAsync, cancellationToken);
    }

    /// <summary>
    /// Runs a turn for an in-process channel (our Direct Line server) and returns what the bot sent instead of posting
    /// it to a service URL (the <c>expectReplies</c> path, whatever the activity's <c>deliveryMode</c>). Routing fields
    /// of the replies are filled from <paramref name="activity"/>; ids and timestamps are left to the channel.
    /// </summary>
    /// <param name="activity">The normalized incoming activity.</param>
    /// <param name="bot">The bot.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The bot's activities in send order (possibly none, e.g. after a failed turn with no apology).</returns>
    public Task<IReadOnlyList<Activity>> ProcessInProcessAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return ProcessInProcessAsync(null, activity, bot.OnTurnAsync, cancellationToken);
    }

    /// <inheritdoc cref="ProcessInProcessAsync(Activity, IBot, CancellationToken)"/>
    /// <param name="identity">The caller's claims; an identity of type <see cref="InProcessChannelAuthenticationType"/> when <see langword="null"/>.</param>
    /// <param name="activity">The normalized incoming activity.</param>
    /// <param name="callback">The bot.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    public async Task<IReadOnlyList<Activity>> ProcessInProcessAsync(
        ClaimsIdentity? identity, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var turn = await RunTurnAsync(identity ?? new ClaimsIdentity(InProcessChannelAuthenticationType), activity, callback, bufferReplies: true, cancellationToken);
        return turn.BufferedReplyActivities;
    }

    private async Task<TurnContext> RunTurnAsync(
        ClaimsIdentity identity, Activity activity, BotCallbackHandler callback, bool bufferReplies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(callback);
        var turn = new TurnContext(this, activity, identity, bufferReplies);
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["ConversationId"] = activity.Conversation?.Id,
            ["ActivityId"] = activity.Id,
        });
        LogTurnStarting(_logger, activity.Type, activity.ChannelId, activity.DeliveryMode);
        if (_options.LogActivityText && _logger.IsEnabled(LogLevel.Debug))
        {
            LogActivityText(_logger, activity.Text);
        }

        try
        {
            await RunPipelineAsync(turn, callback, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Either no OnTurnError is set, or it threw as well: the request still succeeds.
            LogTurnFailed(_logger, exception, activity.Type, activity.ChannelId, OnTurnError is not null);
        }

        return turn;
    }

    private static InvokeResponse? TurnResult(TurnContext turn)
    {
        if (turn.Activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            return new InvokeResponse(200, new ExpectedReplies { Activities = [.. turn.BufferedReplyActivities] });
        }

        if (turn.Activity.IsType(ActivityTypes.Invoke))
        {
            return turn.InvokeResponse ?? new InvokeResponse(501);
        }

        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Turn started: {ActivityType} on {ChannelId} (deliveryMode {DeliveryMode})")]
    private static partial void LogTurnStarting(ILogger logger, string? activityType, string? channelId, string? deliveryMode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Incoming activity text: {Text}")]
    private static partial void LogActivityText(ILogger logger, string? text);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Turn failed: {ActivityType} on {ChannelId} (OnTurnError set: {HasTurnErrorHandler})")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityType, string? channelId, bool hasTurnErrorHandler);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "BotFramework:AllowAnonymous: /api/messages accepts requests without a token and replies only to loopback service URLs (local testing only)")]
    private static partial void LogAnonymousMode(ILogger logger);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "No MicrosoftAppId is configured: /api/messages refuses every request (the web chat uses the built-in Direct Line server). Set MicrosoftAppId for Teams or Azure channels.")]
    private static partial void LogMessagesClosed(ILogger logger);
}
