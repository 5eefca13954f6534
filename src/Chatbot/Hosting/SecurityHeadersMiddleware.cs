namespace Chatbot.Hosting;

/// <summary>
/// Security headers on every response. The Content-Security-Policy keeps the clinic page to its own origin:
/// patients' questions are health information and must not reach third parties (no CDN, no analytics).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Web Chat renders with inline styles (emotion), and Adaptive Cards / Markdown images may be data: URIs.
    /// Everything else is 'self' only.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; media-src 'self' blob:; manifest-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers as the response starts, then calls the rest of the pipeline.</summary>
    /// <remarks>
    /// Set when the response starts, not before the rest of the pipeline runs: the exception handler clears the headers
    /// of a failed request before writing its error response, and error pages must keep CSP and nosniff too.
    /// </remarks>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
