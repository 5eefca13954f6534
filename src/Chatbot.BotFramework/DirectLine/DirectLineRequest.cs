using System.Text;
using Chatbot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>Reading Direct Line requests: bounded bodies, activities, user ids, the caller's origin.</summary>
internal static class DirectLineRequest
{
    private const int MaxUserIdLength = 256;

    /// <summary>Reads the body as UTF-8, at most <paramref name="maxBytes"/>.</summary>
    /// <returns>The text, or <see langword="null"/> when it is larger than allowed.</returns>
    public static Task<string?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken) =>
        request.ContentLength > maxBytes ? Task.FromResult<string?>(null) : ReadBodyAsync(request.Body, maxBytes, cancellationToken);

    /// <summary>Reads a stream to its end as UTF-8, at most <paramref name="maxBytes"/>.</summary>
    /// <returns>The text, or <see langword="null"/> when it is larger than allowed.</returns>
    public static async Task<string?> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Parses an activity; <see langword="null"/> when the JSON is not an activity object.</summary>
    public static Activity? ParseActivity(string json)
    {
        try
        {
            return JToken.Parse(json) is JObject ? BotJson.Deserialize<Activity>(json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads <c>user.id</c> from an optional JSON body such as <c>{"user":{"id":"dl_123"}}</c>.</summary>
    public static string? ParseUserId(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JToken.Parse(json) is JObject body && body["user"] is JObject user && user["id"] is JValue { Type: JTokenType.String } id
                ? (string?)id
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True for a user id we accept from a trusted caller or a client: not blank, short, no control characters.</summary>
    public static bool IsValidUserId(string? userId) =>
        !string.IsNullOrWhiteSpace(userId) && userId.Length <= MaxUserIdLength && !userId.Any(char.IsControl);

    /// <summary>The <c>serviceUrl</c> of activities: the configured public base, or this request's origin and path base.</summary>
    public static string ServiceUrl(HttpRequest request, DirectLineOptions options) =>
        options.PublicBaseUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// True when a browser request comes from a page of this site or of an allowed origin, or when the request is not
    /// from a browser page at all.
    /// </summary>
    /// <remarks>
    /// Browsers send <c>Sec-Fetch-Site</c> (and <c>Origin</c> on every POST from script) and pages cannot forge
    /// them, so another site's page cannot obtain tokens through its visitors' browsers. A client that is not a
    /// browser can send any header it likes; for it this check proves nothing, and none is intended: anonymous tokens
    /// are public by nature (anyone can open the chat page), each opens one new conversation, and carries a fresh random
    /// user id.
    /// </remarks>
    public static bool IsFromOwnOrAllowedPage(HttpRequest request, DirectLineOptions options, DirectLineCors cors)
    {
        string? fetchSite = request.Headers["Sec-Fetch-Site"];
        if (string.Equals(fetchSite, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? origin = request.Headers[HeaderNames.Origin];
        if (!string.IsNullOrEmpty(origin))
        {
            var own = options.PublicBaseUrl?.GetLeftPart(UriPartial.Authority) ?? $"{request.Scheme}://{request.Host}";
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || cors.IsAllowed(origin);
        }

        // A browser marks every request; one without Origin from elsewhere (a navigation, a form) is not the chat page.
        return string.IsNullOrEmpty(fetchSite);
    }

    /// <summary>Parses a watermark: empty or missing means 0 (from the start).</summary>
    public static bool TryParseWatermark(string? value, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(value)
            || (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }
}
