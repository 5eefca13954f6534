using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// CORS for the Direct Line endpoints, self-contained so the host needs no CORS middleware: pages of the
/// <see cref="DirectLineOptions.AllowedOrigins"/> may call, with the headers directlinejs sends.
/// </summary>
internal sealed class DirectLineCors
{
    private const string AllowedHeaders = "authorization, content-type, x-ms-bot-agent";
    private readonly HashSet<string> _origins;

    public DirectLineCors(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var origin in options.Value.AllowedOrigins)
        {
            if (TryNormalizeOrigin(origin, out var normalized))
            {
                _origins.Add(normalized);
            }
        }
    }

    /// <summary>True when <paramref name="origin"/> is one of the configured other origins.</summary>
    public bool IsAllowed(string? origin) => origin is not null && _origins.Contains(origin);

    /// <summary>Adds the CORS response headers when the request comes from an allowed origin.</summary>
    public void AddResponseHeaders(HttpContext context)
    {
        string? origin = context.Request.Headers[HeaderNames.Origin];
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        if (IsAllowed(origin))
        {
            context.Response.Headers[HeaderNames.AccessControlAllowOrigin] = origin;
            context.Response.Headers[HeaderNames.AccessControlExposeHeaders] = HeaderNames.RetryAfter;
        }
    }

    /// <summary>Answers a preflight (<c>OPTIONS</c>): 204, with permission only for allowed origins.</summary>
    public IResult Preflight(HttpContext context)
    {
        AddResponseHeaders(context);
        if (IsAllowed(context.Request.Headers[HeaderNames.Origin]))
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.AccessControlAllowMethods] = new StringValues("GET, POST, OPTIONS");
            headers[HeaderNames.AccessControlAllowHeaders] = AllowedHeaders;
            headers[HeaderNames.AccessControlMaxAge] = "600";
        }

        return Results.NoContent();
    }

    /// <summary>Turns <c>https://Clinic.example:443/</c> into <c>https://clinic.example</c>, the form browsers send.</summary>
    public static bool TryNormalizeOrigin(string? value, out string origin)
    {
        origin = string.Empty;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }

        origin = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        return true;
    }
}
