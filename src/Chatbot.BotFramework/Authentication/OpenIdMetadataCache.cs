using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Chatbot.BotFramework.Authentication;

/// <summary>
/// Signing keys from one OpenID metadata document: a <see cref="ConfigurationManager{T}"/> for the normal cache, plus
/// one forced, throttled re-fetch when a token names a key id the cache does not know (key rollover).
/// </summary>
/// <remarks>
/// IdentityModel 8.x refreshes in the background after <see cref="ConfigurationManager{T}.RequestRefresh"/>, so the
/// next <c>GetConfigurationAsync</c> may still return the old keys. To make "refresh and retry once" deterministic,
/// the forced fetch is done here directly (and the manager is asked to refresh as well).
/// </remarks>
internal sealed class OpenIdMetadataCache
{
    private static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ForcedConfigurationLifetime = TimeSpan.FromHours(12);

    private readonly string _address;
    private readonly IDocumentRetriever _retriever;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private (OpenIdConnectConfiguration Configuration, DateTimeOffset FetchedAt)? _forced;
    private DateTimeOffset? _lastForcedAttempt;

    public OpenIdMetadataCache(string address, IDocumentRetriever retriever, TimeProvider timeProvider)
    {
        _address = address;
        _retriever = retriever;
        _timeProvider = timeProvider;
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <summary>Returns metadata that contains <paramref name="keyId"/> if it can be found (refreshing once), else the current metadata.</summary>
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string? keyId, CancellationToken cancellationToken)
    {
        var current = await _manager.GetConfigurationAsync(cancellationToken);
        if (string.IsNullOrEmpty(keyId) || HasKey(current, keyId))
        {
            return current;
        }

        if (FreshForced() is { } forced && HasKey(forced, keyId))
        {
            return forced;
        }

        _manager.RequestRefresh();
        return await ForceRefreshAsync(cancellationToken) ?? FreshForced() ?? current;
    }

    internal static bool HasKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.SigningKeys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal))
        || (configuration.JsonWebKeySet?.Keys.Any(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal)) ?? false);

    private OpenIdConnectConfiguration? FreshForced()
    {
        var forced = _forced;
        return forced is { } f && _timeProvider.GetUtcNow() - f.FetchedAt < ForcedConfigurationLifetime ? f.Configuration : null;
    }

    private async Task<OpenIdConnectConfiguration?> ForceRefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            var now = _timeProvider.GetUtcNow();
            if (_lastForcedAttempt is { } last && now - last < MinimumForcedRefreshInterval)
            {
                return null;
            }

            _lastForcedAttempt = now;
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_address, _retriever, cancellationToken);
            _forced = (configuration, now);
            return configuration;
        }
        finally
        {
            _refreshLock.Release();
        }
    }
}
