using System.Security.Claims;
using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;

namespace Chatbot.BotFramework.Authentication;

/// <summary>
/// Validates the <c>Authorization</c> header of a request to <c>/api/messages</c> the way the Bot Framework SDK does
/// (protocol §3.1): Bot Connector tokens (issuer <c>https://api.botframework.com</c>, audience = app id, endorsed
/// signing key, matching <c>serviceurl</c> claim) and Emulator/Entra tokens (issuer list, <c>appid</c>/<c>azp</c> =
/// app id); anonymous mode when no app id is configured. Failures throw <see cref="UnauthorizedAccessException"/>.
/// </summary>
public sealed partial class ChannelAuthenticator
{
    /// <summary>Name of the HTTP client that fetches OpenID metadata and key sets.</summary>
    public const string MetadataHttpClientName = "Chatbot.BotFramework.OpenIdMetadata";

    private const string BearerPrefix = "Bearer ";

    private readonly BotFrameworkAuthenticationOptions _options;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _tokenHandler = new();
    private readonly Lazy<OpenIdMetadataCache> _botConnectorMetadata;
    private readonly Lazy<OpenIdMetadataCache> _entraMetadata;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="options">App id, metadata addresses and issuers.</param>
    /// <param name="httpClientFactory">Provides the <see cref="MetadataHttpClientName"/> client.</param>
    /// <param name="serviceUrls">Which service URLs activities may name.</param>
    /// <param name="timeProvider">The clock for token lifetimes and refresh throttling.</param>
    /// <param name="logger">Logs rejected requests (never token contents).</param>
    public ChannelAuthenticator(
        IOptions<BotFrameworkAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        ServiceUrlPolicy serviceUrls,
        TimeProvider timeProvider,
        ILogger<ChannelAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serviceUrls);
        _serviceUrls = serviceUrls;
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _botConnectorMetadata = new(() => CreateMetadataCache(_options.OpenIdMetadataUrl, httpClientFactory));
        _entraMetadata = new(() => CreateMetadataCache(_options.EntraOpenIdMetadataUrl, httpClientFactory));
    }

    /// <summary>True when requests without a token are accepted (no app id, and anonymous mode explicitly allowed locally).</summary>
    public bool IsAnonymous => _options.AcceptsAnonymousRequests;

    /// <summary>Authenticates a request carrying <paramref name="activity"/>.</summary>
    /// <param name="activity">The activity; its <c>channelId</c> and <c>serviceUrl</c> are checked against the token.</param>
    /// <param name="authorizationHeader">The raw <c>Authorization</c> header, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels metadata retrieval.</param>
    /// <returns>The identity and the caller id to stamp on the activity.</returns>
    /// <exception cref="UnauthorizedAccessException">The request is not authenticated; the message says why.</exception>
    public async Task<ChannelAuthenticationResult> AuthenticateRequestAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var result = await AuthenticateHeaderAsync(authorizationHeader, cancellationToken);
        ValidateActivity(result, activity);
        return result;
    }

    /// <summary>First half of <see cref="AuthenticateRequestAsync"/>: the token alone, before the body is read.</summary>
    internal async Task<ChannelAuthenticationResult> AuthenticateHeaderAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (_options.IsAnonymous && !_options.AcceptsAnonymousRequests)
        {
            // No app id: no token can be checked, so nothing here is trusted (the web chat uses Direct Line instead).
            throw Reject("This bot has no MicrosoftAppId, so /api/messages accepts no requests. Channels need the Azure Bot's identity (MicrosoftAppId); local Emulator testing needs BotFramework:AllowAnonymous=true in Development.");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            if (_options.IsAnonymous)
            {
                return new ChannelAuthenticationResult(new ClaimsIdentity(AuthenticationConstants.AnonymousAuthType), null, ChannelTokenKind.Anonymous);
            }

            throw Reject("No Authorization header.");
        }

        // The SDK validates such a token against an empty app id, which always fails; no metadata is fetched here.
        if (_options.IsAnonymous)
        {
            throw Reject("A token was presented but no MicrosoftAppId is configured.");
        }

        if (!authorizationHeader.StartsWith(BearerPrefix, StringComparison.Ordinal))
        {
            throw Reject("The Authorization scheme must be Bearer.");
        }

        var token = authorizationHeader[BearerPrefix.Length..].Trim();
        var jwt = ReadToken(token);
        if (!AuthenticationConstants.ValidAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            throw Reject("The token algorithm is not accepted.");
        }

        if (string.Equals(jwt.Issuer, AuthenticationConstants.BotConnectorIssuer, StringComparison.Ordinal))
        {
            return await ValidateBotConnectorTokenAsync(token, jwt, cancellationToken);
        }

        var entraIssuers = EntraIssuersFor(jwt);
        if (entraIssuers.Contains(jwt.Issuer, StringComparer.Ordinal))
        {
            return await ValidateEntraTokenAsync(token, jwt, entraIssuers, cancellationToken);
        }

        throw Reject("The token issuer is not trusted.");
    }

    /// <summary>Second half of <see cref="AuthenticateRequestAsync"/>: endorsement and <c>serviceurl</c> checks.</summary>
    internal void ValidateActivity(ChannelAuthenticationResult result, Activity activity)
    {
        // Replies go to serviceUrl: only Bot Framework hosts with a token, only this machine without one.
        // Emulator/Entra tokens are minted for this bot's own app id, so the Emulator's loopback address is fine too.
        if (!string.IsNullOrWhiteSpace(activity.ServiceUrl)
            && !_serviceUrls.IsAllowed(activity.ServiceUrl)
            && !(result.Kind == ChannelTokenKind.Entra && ServiceUrlPolicy.IsLoopbackUrl(activity.ServiceUrl)))
        {
            throw Reject(result.Kind == ChannelTokenKind.Anonymous
                ? "In anonymous mode the activity's serviceUrl must be a loopback address (http://localhost:…)."
                : "The activity's serviceUrl is not on BotFramework:AllowedServiceUrlHosts.");
        }

        if (result.Kind != ChannelTokenKind.BotConnector)
        {
            return;
        }

        if (string.IsNullOrEmpty(activity.ChannelId) || !result.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            throw Reject("The signing key is not endorsed for the activity's channel.");
        }

        if (!string.IsNullOrWhiteSpace(activity.ServiceUrl)
            && !string.Equals(result.ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            throw Reject("The token's serviceurl claim does not match the activity's serviceUrl.");
        }
    }

    private async Task<ChannelAuthenticationResult> ValidateBotConnectorTokenAsync(string token, JsonWebToken jwt, CancellationToken cancellationToken)
    {
        var configuration = await _botConnectorMetadata.Value.GetConfigurationAsync(jwt.Kid, cancellationToken);
        var identity = await ValidateAsync(token, configuration, [AuthenticationConstants.BotConnectorIssuer], _options.MicrosoftAppId);
        var endorsements = ReadEndorsements(configuration, jwt.Kid);
        if (endorsements.Count == 0)
        {
            throw Reject("The signing key has no endorsements.");
        }

        return new ChannelAuthenticationResult(identity, CallerIdConstants.PublicAzureChannel, ChannelTokenKind.BotConnector)
        {
            Endorsements = endorsements,
            ServiceUrlClaim = identity.FindFirst(AuthenticationConstants.ServiceUrlClaim)?.Value,
        };
    }

    private async Task<ChannelAuthenticationResult> ValidateEntraTokenAsync(
        string token, JsonWebToken jwt, IReadOnlyList<string> issuers, CancellationToken cancellationToken)
    {
        var configuration = await _entraMetadata.Value.GetConfigurationAsync(jwt.Kid, cancellationToken);
        var identity = await ValidateAsync(token, configuration, issuers, audience: null);
        var appId = identity.FindFirst(AuthenticationConstants.VersionClaim)?.Value switch
        {
            "1.0" => identity.FindFirst(AuthenticationConstants.AppIdClaim)?.Value,
            "2.0" => identity.FindFirst(AuthenticationConstants.AuthorizedPartyClaim)?.Value,
            _ => throw Reject("The token has no supported 'ver' claim."),
        };
        if (string.IsNullOrEmpty(appId) || !string.Equals(appId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
        {
            throw Reject("The token was not issued to this bot's app id.");
        }

        return new ChannelAuthenticationResult(identity, CallerIdConstants.BotToBotPrefix + appId, ChannelTokenKind.Entra);
    }

    private OpenIdMetadataCache CreateMetadataCache(string address, IHttpClientFactory httpClientFactory)
    {
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(MetadataHttpClientName))
        {
            RequireHttps = _options.RequireHttpsMetadata,
        };
        return new OpenIdMetadataCache(address, retriever, _timeProvider);
    }

    private UnauthorizedAccessException Reject(string reason)
    {
        LogRejected(_logger, reason);
        return new UnauthorizedAccessException(reason);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rejected channel request: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
