using Chatbot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// Handler of <c>POST /conversations/{id}/upload</c>: a multipart body with an <c>activity</c> part and one part per
/// file. Files are read and thrown away, never stored: the bot gets the activity with each attachment described by
/// name and content type only (no content, no URL, no thumbnail), so it can decline politely.
/// </summary>
internal static class DirectLineUploadEndpoint
{
    private const int MaxParts = 20;

    public static async Task<IResult> UploadAsync(
        HttpContext context, string conversationId, DirectLineTokenService tokens, DirectLineConversationService conversations,
        DirectLineActivityNormalizer normalizer, IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        var caller = DirectLineCaller.From(context.Request, settings.Secret, tokens);
        if (!caller.CanAccess(conversationId))
        {
            return DirectLineResult.Forbidden();
        }

        if (context.Request.ContentLength > settings.MaxUploadBytes)
        {
            return DirectLineResult.TooLarge($"Uploads are limited to {settings.MaxUploadBytes} bytes.");
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return DirectLineResult.BadArgument("The upload must be multipart/form-data.");
        }

        Activity? activity;
        List<Attachment> files = [];
        try
        {
            (var refusal, activity) = await ReadPartsAsync(context, boundary, settings, files);
            if (refusal is not null)
            {
                return refusal;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or FormatException && !context.RequestAborted.IsCancellationRequested)
        {
            // A malformed multipart body is the client's mistake: 400, no stack trace in the log.
            return DirectLineResult.BadArgument("The upload is not a well-formed multipart/form-data body.");
        }

        activity ??= new Activity { Type = ActivityTypes.Message, From = new ChannelAccount { Id = context.Request.Query["userId"] } };
        activity.Attachments = Describe(activity.Attachments, files);
        return await DirectLineActivityEndpoints.SubmitAsync(context, activity, caller, conversationId, conversations, normalizer, settings);
    }

    private static async Task<(IResult? Refusal, Activity? Activity)> ReadPartsAsync(HttpContext context, string boundary, DirectLineOptions settings, List<Attachment> files)
    {
        var reader = new MultipartReader(boundary, context.Request.Body) { HeadersLengthLimit = 16 * 1024 };
        Activity? activity = null;
        long total = 0;
        var buffer = new byte[16 * 1024];
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            if (files.Count + 1 > MaxParts)
            {
                return (DirectLineResult.BadArgument($"At most {MaxParts} parts are accepted."), null);
            }

            ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
            var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
            if (string.Equals(name, "activity", StringComparison.Ordinal) && activity is null)
            {
                var json = await DirectLineRequest.ReadBodyAsync(section.Body, settings.MaxBodyBytes, context.RequestAborted);
                activity = json is null ? null : DirectLineRequest.ParseActivity(json);
                if (activity is null)
                {
                    return (DirectLineResult.BadArgument("The activity part must be an activity no larger than MaxBodyBytes."), null);
                }

                continue;
            }

            int read;
            while ((read = await section.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                if (total > settings.MaxUploadBytes)
                {
                    return (DirectLineResult.TooLarge($"Uploads are limited to {settings.MaxUploadBytes} bytes."), null);
                }
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar ?? default).Value
                ?? HeaderUtilities.RemoveQuotes(disposition?.FileName ?? default).Value;
            files.Add(new Attachment { Name = fileName, ContentType = section.ContentType ?? "application/octet-stream" });
        }

        return (null, activity);
    }

    // The client's own list (which names the files and their types) wins; the file parts fill in when it is missing.
    private static List<Attachment> Describe(IList<Attachment>? declared, List<Attachment> files)
    {
        var source = declared is { Count: > 0 } ? declared : files;
        return source.Select(a => new Attachment { Name = a.Name, ContentType = a.ContentType }).ToList();
    }
}
