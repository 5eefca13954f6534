using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Authentication;

/// <summary>
/// Gets the bot's outbound token for Connector calls (protocol §3.2): the client-credentials grant against
/// <c>{LoginBaseUrl}/{tenant}/oauth2/v2.0/token</c> (tenant <c>botframework.com</c> for MultiTenant, the app's tenant
/// for SingleTenant), or the managed-identity endpoint for UserAssignedMSI. The token is cached until five minutes
/// (at most half its lifetime) before it expires. In anonymous mode there is no token.
/// </summary>
/// <remarks>A singleton: it creates a client from <see cref="IHttpClientFactory"/> per token request, so the cache outlives handler rotation.</remarks>
public sealed partial class BotCredentialsTokenProvider
{
    /// <summary>Name of the HTTP client used for token requests.</summary>
    public const string HttpClientName = "Chatbot.BotFramework.Login";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly BotFrameworkAuthenticationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset RefreshAfter)? _cached;

    /// <summary>Creates the provider.</summary>
    /// <param name="httpClientFactory">Provides the <see cref="HttpClientName"/> client.</param>
    /// <param name="options">App id, secret, type, tenant and endpoints.</param>
    /// <param name="timeProvider">The clock for the cache.</param>
    /// <param name="logger">Logs token acquisition (never the token or secret).</param>
    public BotCredentialsTokenProvider(
        IHttpClientFactory httpClientFactory,
        IOptions<BotFrameworkAuthenticationOptions> options,
        TimeProvider timeProvider,
        ILogger<BotCredentialsTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>True when no app id is configured: outbound calls carry no Authorization header.</summary>
    public bool IsAnonymous => _options.IsAnonymous;

    /// <summary>Returns a valid access token, from the cache when possible.</summary>
    /// <param name="cancellationToken">Cancels the token request.</param>
    /// <returns>The bearer token, or <see langword="null"/> in anonymous mode.</returns>
    /// <exception cref="HttpRequestException">The token endpoint refused or failed; the message names its error code.</exception>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.IsAnonymous)
        {
            return null;
        }

        if (_cached is { } cached && _timeProvider.GetUtcNow() < cached.RefreshAfter)
        {
            return cached.Token;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && _timeProvider.GetUtcNow() < again.RefreshAfter)
            {
                return again.Token;
            }

            var (token, lifetime) = await RequestTokenAsync(cancellationToken);
            var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
            _cached = (token, _timeProvider.GetUtcNow() + lifetime - margin);
            LogTokenAcquired(_logger, _options.MicrosoftAppType, (int)lifetime.TotalSeconds);
            return token;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestTokenAsync(CancellationToken cancellationToken)
    {
        using var request = _options.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI ? ManagedIdentityRequest() : ClientCredentialsRequest();
        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = TryParse(body);
        if (!response.IsSuccessStatusCode)
        {
            var error = json?.Value<string>("error") ?? "unknown";
            throw new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"The bot token request failed with HTTP {(int)response.StatusCode} ({error})."),
                null,
                response.StatusCode);
        }

        var token = json?.Value<string>("access_token");
        if (string.IsNullOrEmpty(token))
        {
            throw new HttpRequestException("The bot token response has no access_token.", null, response.StatusCode);
        }

        // expires_in is a number from Entra and a string from the managed-identity endpoint.
        var seconds = long.TryParse(json?["expires_in"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 3600;
        return (token, TimeSpan.FromSeconds(seconds));
    }

    private HttpRequestMessage ClientCredentialsRequest()
    {
        var tenant = _options.MicrosoftAppType == MicrosoftAppType.SingleTenant
            ? _options.MicrosoftAppTenantId!
            : AuthenticationConstants.BotFrameworkTenant;
        var address = $"{_options.LoginBaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(tenant)}/oauth2/v2.0/token";
        return new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _options.MicrosoftAppId!,
                ["client_secret"] = _options.MicrosoftAppPassword ?? string.Empty,
                ["scope"] = _options.OAuthScope,
            }),
        };
    }

    private HttpRequestMessage ManagedIdentityRequest()
    {
        const string DefaultSuffix = "/.default";
        var resource = _options.OAuthScope.EndsWith(DefaultSuffix, StringComparison.Ordinal)
            ? _options.OAuthScope[..^DefaultSuffix.Length]
            : _options.OAuthScope;
        var address = $"{_options.ManagedIdentityEndpoint}?api-version=2018-02-01&resource={Uri.EscapeDataString(resource)}&client_id={Uri.EscapeDataString(_options.MicrosoftAppId!)}";
        var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Add("Metadata", "true");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static JObject? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JToken.Parse(body) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Acquired a bot token ({AppType}), valid for {LifetimeSeconds} s")]
    private static partial void LogTokenAcquired(ILogger logger, MicrosoftAppType appType, int lifetimeSeconds);
}
