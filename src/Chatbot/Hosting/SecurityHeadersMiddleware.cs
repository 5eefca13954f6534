using Microsoft.Extensions.Options;

namespace Chatbot.Hosting;

/// <summary>
/// Security headers on every response. The Content-Security-Policy keeps the clinic page to its own origin:
/// patients' questions are health information and must not reach third parties (no CDN, no analytics).
/// </summary>
/// <remarks>
/// The one exception is the chat panel for clinics' websites (<c>/embed.html</c>): the same policy, except that the
/// origins of <see cref="EmbedOptions.AllowedOrigins"/> may frame it.
/// </remarks>
public sealed class SecurityHeadersMiddleware
{
    /// <summary>The page that clinics' websites show in an iframe (embed.js).</summary>
    public const string EmbedPagePath = "/embed.html";

    private readonly RequestDelegate _next;
    private readonly string _embedPolicy;

    /// <summary>Creates the middleware; the embed page's policy is fixed at start from the validated options.</summary>
    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<EmbedOptions> embedOptions)
    {
        ArgumentNullException.ThrowIfNull(embedOptions);
        _next = next;
        _embedPolicy = EmbedPagePolicy(embedOptions.Value.NormalizedOrigins);
    }

    /// <summary>
    /// Web Chat renders with inline styles (emotion), and Adaptive Cards / Markdown images may be data: URIs.
    /// Everything else is 'self' only.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; media-src 'self' blob:; manifest-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary><see cref="ContentSecurityPolicy"/> with <c>frame-ancestors 'self'</c> and the allowed origins.</summary>
    public static string EmbedPagePolicy(IReadOnlyList<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        var ancestors = string.Join(' ', ["'self'", .. allowedOrigins]);
        return ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors " + ancestors, StringComparison.Ordinal);
    }

    /// <summary>Adds the headers as the response starts, then calls the rest of the pipeline.</summary>
    /// <remarks>
    /// Set when the response starts, not before the rest of the pipeline runs: the exception handler clears the headers
    /// of a failed request before writing its error response, and error pages must keep CSP and nosniff too.
    /// </remarks>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policy = context.Request.Path.Equals(EmbedPagePath, StringComparison.OrdinalIgnoreCase) ? _embedPolicy : ContentSecurityPolicy;
        context.Response.OnStarting(static state =>
        {
            var (response, policy) = ((HttpResponse, string))state;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, (context.Response, policy));
        return _next(context);
    }
}
