using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Chatbot.Hosting;

/// <summary>
/// The chat on clinics' own websites (<c>embed.js</c>, configuration section <c>Chatbot:Embed</c>): which sites may
/// show the chat panel. The panel is our page <c>/embed.html</c> in an iframe, so the browser enforces the list through
/// the panel's <c>Content-Security-Policy: frame-ancestors</c>; the Direct Line calls stay same-origin and need no CORS.
/// </summary>
public sealed class EmbedOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Embed";

    /// <summary>
    /// Origins (<c>https://www.clinic.example</c>: scheme, host, optional port; no path) whose pages may embed the chat.
    /// Plain <c>http</c> only for loopback addresses (local testing).
    /// </summary>
    /// <value>The default is empty: the panel can be framed by our own pages only.</value>
    public IList<string> AllowedOrigins { get; set; } = [];

    /// <summary>The allowed origins in the form browsers send (<c>https://clinic.example</c>, lower case, no default port).</summary>
    public IReadOnlyList<string> NormalizedOrigins =>
        [.. AllowedOrigins.Select(o => TryNormalize(o, out var origin) ? origin : null).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!TryNormalize(origin, out _))
            {
                yield return new ValidationResult(
                    $"Chatbot:Embed:AllowedOrigins: '{origin}' is not an origin like 'https://www.clinic.example' (https, host, optional port, no path or wildcard; http only for localhost).",
                    [nameof(AllowedOrigins)]);
            }
        }
    }

    /// <summary>Turns <c>https://Clinic.example:443/</c> into <c>https://clinic.example</c>; false for anything that is not an origin.</summary>
    public static bool TryNormalize(string? value, out string origin)
    {
        origin = string.Empty;
        if (string.IsNullOrWhiteSpace(value) || value.Contains('*', StringComparison.Ordinal)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps;
        var local = uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
        if (!secure && !local)
        {
            return false;
        }

        origin = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        return true;
    }
}
