using System.Text;
using Chatbot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;

namespace Chatbot.BotFramework.Integration;

/// <summary>
/// Reads a request body into an <see cref="Activity"/>, failing with <see cref="InvalidActivityException"/>:
/// 415 unless the content type is <c>application/json</c> (UTF-8), 413 when the body exceeds
/// <see cref="BotFrameworkAdapterOptions.MaxRequestBodyBytes"/> (counted while reading, not taken from
/// Content-Length alone), 400 for malformed JSON, a non-object, or a missing/empty <c>type</c>.
/// </summary>
public sealed class ActivityReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly int _maxBytes;

    /// <summary>Creates the reader.</summary>
    /// <param name="options">The body size limit.</param>
    public ActivityReader(IOptions<BotFrameworkAdapterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxBytes = options.Value.MaxRequestBodyBytes;
    }

    /// <summary>Reads and parses the body of <paramref name="request"/>.</summary>
    /// <param name="request">The POST to <c>/api/messages</c>.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The activity (unknown fields kept).</returns>
    /// <exception cref="InvalidActivityException">The body is not acceptable; <see cref="InvalidActivityException.StatusCode"/> says how.</exception>
    public async Task<Activity> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckContentType(request.ContentType);
        if (request.ContentLength > _maxBytes)
        {
            throw TooLarge();
        }

        // Let the server read up to our own limit when it is larger than the server's default.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature
            && sizeFeature.MaxRequestBodySize < _maxBytes + 1L)
        {
            sizeFeature.MaxRequestBodySize = _maxBytes + 1L;
        }

        var body = await ReadBoundedAsync(request.Body, cancellationToken);
        return Parse(body);
    }

    /// <summary>Parses UTF-8 JSON into an activity with the same checks as <see cref="ReadAsync"/> (400 cases only).</summary>
    /// <param name="utf8Json">The body.</param>
    /// <returns>The activity.</returns>
    /// <exception cref="InvalidActivityException">Malformed JSON, not an object, or no <c>type</c>.</exception>
    public static Activity Parse(ReadOnlyMemory<byte> utf8Json)
    {
        Activity? activity;
        try
        {
            var text = StrictUtf8.GetString(utf8Json.Span).TrimStart('\uFEFF');
            using var reader = new JsonTextReader(new StringReader(text));
            activity = BotJson.Serializer.Deserialize<Activity>(reader);
            if (activity is not null && reader.Read())
            {
                throw new InvalidActivityException(400, "BadArgument", "The body has content after the JSON object.");
            }
        }
        catch (JsonException exception)
        {
            var where = exception is JsonReaderException { LineNumber: > 0 } r ? $" (line {r.LineNumber}, position {r.LinePosition})" : string.Empty;
            throw new InvalidActivityException(400, "BadArgument", $"The body is not a valid activity JSON object{where}.", exception);
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidActivityException(400, "BadArgument", "The body is not valid UTF-8.", exception);
        }

        if (activity is null)
        {
            throw new InvalidActivityException(400, "BadArgument", "The body must be a JSON object.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            throw new InvalidActivityException(400, "BadArgument", "The activity has no type.");
        }

        return activity;
    }

    private static void CheckContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidActivityException(415, "UnsupportedMediaType", "The Content-Type must be application/json.");
        }

        var charset = mediaType.Charset;
        if (charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidActivityException(415, "UnsupportedMediaType", "The charset must be utf-8.");
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > _maxBytes)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception)
        {
            // The server's own limit or a malformed transfer encoding.
            throw exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge()
                : new InvalidActivityException(400, "BadArgument", "The request body could not be read.", exception);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private InvalidActivityException TooLarge() =>
        new(413, "PayloadTooLarge", $"The body is larger than {_maxBytes} bytes.");
}
