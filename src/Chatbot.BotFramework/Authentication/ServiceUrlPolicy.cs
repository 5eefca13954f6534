using System.Net;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.Authentication;

/// <summary>
/// Where the bot may send activities: the <c>serviceUrl</c> of an incoming activity is where its replies go, so an
/// unchecked one lets any caller make the bot POST to an address of their choice (server-side request forgery).
/// </summary>
/// <remarks>
/// With an app id: https to a host of <see cref="BotFrameworkAuthenticationOptions.AllowedServiceUrlHosts"/> (http only
/// for loopback hosts, which tests use). In anonymous mode: loopback hosts only, since no token vouches for anything.
/// Checked when a request arrives and again before every outbound call.
/// </remarks>
public sealed class ServiceUrlPolicy
{
    private readonly bool _loopbackOnly;
    private readonly string[] _exactHosts;
    private readonly string[] _suffixes;

    /// <summary>Creates the policy from the bot's options.</summary>
    /// <param name="options">The app id and the allowed hosts.</param>
    public ServiceUrlPolicy(IOptions<BotFrameworkAuthenticationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _loopbackOnly = value.IsAnonymous;
        IEnumerable<string> hosts = value.AllowedServiceUrlHosts.Count > 0 ? value.AllowedServiceUrlHosts : BotFrameworkAuthenticationOptions.DefaultAllowedServiceUrlHosts;
        var trimmed = hosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        _exactHosts = trimmed.Where(h => !h.StartsWith("*.", StringComparison.Ordinal)).ToArray();
        _suffixes = trimmed.Where(h => h.StartsWith("*.", StringComparison.Ordinal)).Select(h => h[1..]).ToArray();
    }

    /// <summary>True when the bot may send to <paramref name="serviceUrl"/>.</summary>
    /// <param name="serviceUrl">An absolute http(s) URL.</param>
    /// <returns><see langword="false"/> for anything that is not an absolute http(s) URL to an allowed host.</returns>
    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var loopback = IsLoopback(uri);
        if (_loopbackOnly || loopback)
        {
            return loopback && (_loopbackOnly || IsListed(uri.IdnHost));
        }

        return uri.Scheme == Uri.UriSchemeHttps && IsListed(uri.IdnHost);
    }

    /// <summary>True for an absolute http(s) URL to this machine (<c>localhost</c> or a loopback address).</summary>
    /// <param name="serviceUrl">The URL.</param>
    /// <returns>Whether it points at this machine.</returns>
    public static bool IsLoopbackUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && IsLoopback(uri);

    /// <summary>True for a host name or <c>*.domain</c> pattern.</summary>
    /// <param name="pattern">A configured entry.</param>
    /// <returns>Whether the entry can be used.</returns>
    public static bool IsValidHostPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var host = pattern.Trim().StartsWith("*.", StringComparison.Ordinal) ? pattern.Trim()[2..] : pattern.Trim();
        return host.Length > 0 && Uri.CheckHostName(host) != UriHostNameType.Unknown;
    }

    private bool IsListed(string host)
    {
        host = host.ToLowerInvariant();
        return _exactHosts.Contains(host, StringComparer.Ordinal)
            || _suffixes.Any(suffix => host.EndsWith(suffix, StringComparison.Ordinal) && host.Length > suffix.Length);
    }

    // Names are not resolved: "localhost" is loopback by definition; any other name could point anywhere.
    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out _));
}
