using System.Net.Http.Headers;
using System.Text;
using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace Chatbot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST client (the <c>/v3/conversations</c> API of <c>botframework-channel.json</c>), as a typed
/// <see cref="HttpClient"/> with the standard resilience handler (retries 408/429/5xx and transport errors, honouring
/// <c>Retry-After</c>; a repeated POST can in rare cases deliver a message twice). Every call takes the
/// <c>serviceUrl</c> of the conversation; path segments are escaped with <see cref="Uri.EscapeDataString(string)"/> and a
/// missing trailing slash on the service URL is added. Calls carry the bot token from
/// <see cref="BotCredentialsTokenProvider"/>, or no Authorization header in anonymous mode.
/// </summary>
public sealed partial class ConnectorClient
{
    /// <summary>Name of the underlying HTTP client (for configuring it or its resilience pipeline).</summary>
    public const string HttpClientName = "Chatbot.BotFramework.Connector";

    private readonly HttpClient _httpClient;
    private readonly BotCredentialsTokenProvider _tokenProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the client (normally done by <see cref="IHttpClientFactory"/>).</summary>
    /// <param name="httpClient">The HTTP client with the resilience handler.</param>
    /// <param name="tokenProvider">The bot's outbound token.</param>
    /// <param name="logger">Logs calls (never activity text).</param>
    public ConnectorClient(HttpClient httpClient, BotCredentialsTokenProvider tokenProvider, ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClient = httpClient;
        _tokenProvider = tokenProvider;
        _logger = logger;
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>: reply to an activity.</summary>
    /// <param name="serviceUrl">The conversation's service URL.</param>
    /// <param name="conversationId">The conversation id (escaped by this method).</param>
    /// <param name="activityId">The id of the activity answered (escaped by this method).</param>
    /// <param name="activity">The reply.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id the channel assigned, if it returned one.</returns>
    /// <exception cref="ConnectorException">The channel answered with a non-2xx status.</exception>
    public Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        return SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, path, activity, "ReplyToActivity", cancellationToken);
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities</c>: send without threading.</summary>
    /// <param name="serviceUrl">The conversation's service URL.</param>
    /// <param name="conversationId">The conversation id (escaped by this method).</param>
    /// <param name="activity">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id the channel assigned, if it returned one.</returns>
    /// <exception cref="ConnectorException">The channel answered with a non-2xx status.</exception>
    public Task<ResourceResponse> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, path, activity, "SendToConversation", cancellationToken);
    }

    /// <summary><c>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>: replace an activity.</summary>
    /// <param name="serviceUrl">The conversation's service URL.</param>
    /// <param name="conversationId">The conversation id (escaped by this method).</param>
    /// <param name="activityId">The id of the activity to replace (escaped by this method).</param>
    /// <param name="activity">The new content.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel's response.</returns>
    /// <exception cref="ConnectorException">The channel answered with a non-2xx status.</exception>
    public Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        return SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, path, activity, "UpdateActivity", cancellationToken);
    }

    /// <summary><c>DELETE {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    /// <param name="serviceUrl">The conversation's service URL.</param>
    /// <param name="conversationId">The conversation id (escaped by this method).</param>
    /// <param name="activityId">The id of the activity to delete (escaped by this method).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ConnectorException">The channel answered with a non-2xx status.</exception>
    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        return SendAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, path, body: null, "DeleteActivity", cancellationToken);
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations</c>: create a conversation (e.g. a Teams 1:1 chat for a proactive message).</summary>
    /// <param name="serviceUrl">The channel's service URL (stored from an earlier authenticated activity).</param>
    /// <param name="parameters">Bot, members, tenant, and optionally a first activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new conversation's id (and activity id / service URL when the channel returns them).</returns>
    /// <exception cref="ConnectorException">The channel answered with a non-2xx status.</exception>
    public Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, "CreateConversation", cancellationToken);
    }

    /// <summary>Joins <paramref name="serviceUrl"/> and an already-escaped relative path, adding the missing slash.</summary>
    internal static Uri BuildUri(string serviceUrl, string relativePath)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL must be an absolute http(s) URL.", nameof(serviceUrl));
        }

        var root = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        return new Uri(root + relativePath, UriKind.Absolute);
    }

    private async Task<T> SendAsync<T>(
        HttpMethod method, string serviceUrl, string path, object? body, string operation, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        using var request = new HttpRequestMessage(method, BuildUri(serviceUrl, path));
        if (body is not null)
        {
            request.Content = new StringContent(BotJson.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (await _tokenProvider.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        LogCalling(_logger, operation, request.RequestUri!.GetLeftPart(UriPartial.Authority));
        using var response = await _httpClient.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryDeserialize<ErrorResponse>(text)?.Error;
            LogFailed(_logger, operation, (int)response.StatusCode, error?.Code);
            throw new ConnectorException(response.StatusCode, error, operation);
        }

        return TryDeserialize<T>(text) ?? Empty<T>();
    }

    private static T? TryDeserialize<T>(string text)
        where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : BotJson.Deserialize<T>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T Empty<T>()
        where T : class =>
        typeof(T) == typeof(ConversationResourceResponse) ? (T)(object)new ConversationResourceResponse(null) : (T)(object)new ResourceResponse(null);

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Bot Connector {Operation} to {ServiceHost}")]
    private static partial void LogCalling(ILogger logger, string operation, string serviceHost);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Bot Connector {Operation} failed with HTTP {StatusCode} ({ErrorCode})")]
    private static partial void LogFailed(ILogger logger, string operation, int statusCode, string? errorCode);
}
