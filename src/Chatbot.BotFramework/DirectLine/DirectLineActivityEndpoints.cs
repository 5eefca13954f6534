using Chatbot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>Handlers of <c>POST</c> and <c>GET /conversations/{id}/activities</c>.</summary>
internal static partial class DirectLineActivityEndpoints
{
    /// <summary>Records the user's activity, runs the bot, records its replies; 200 <c>{id}</c>.</summary>
    public static async Task<IResult> PostAsync(
        HttpContext context, string conversationId, DirectLineTokenService tokens, DirectLineConversationService conversations,
        DirectLineActivityNormalizer normalizer, IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        var caller = DirectLineCaller.From(context.Request, settings.Secret, tokens);
        if (!caller.CanAccess(conversationId))
        {
            return DirectLineResult.Forbidden();
        }

        var body = await DirectLineRequest.ReadBodyAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return DirectLineResult.TooLarge($"The activity is larger than {settings.MaxBodyBytes} bytes.");
        }

        var activity = DirectLineRequest.ParseActivity(body);
        return activity is null
            ? DirectLineResult.BadArgument("The body must be an activity (a JSON object).")
            : await SubmitAsync(context, activity, caller, conversationId, conversations, normalizer, settings);
    }

    /// <summary>Checks and normalizes a client's activity, then posts it (shared with uploads).</summary>
    public static async Task<IResult> SubmitAsync(
        HttpContext context, Activity activity, DirectLineCaller caller, string conversationId,
        DirectLineConversationService conversations, DirectLineActivityNormalizer normalizer, DirectLineOptions settings)
    {
        if (!DirectLineActivityNormalizer.IsAllowedFromClient(activity.Type))
        {
            return DirectLineResult.BadArgument("Clients may post activities of type message, event or typing.");
        }

        if (activity.Text is { } text && text.Length > settings.MaxTextLength)
        {
            return DirectLineResult.TooLarge($"The message is longer than {settings.MaxTextLength} characters.");
        }

        var userId = caller.Token?.UserId ?? activity.From?.Id;
        if (!DirectLineRequest.IsValidUserId(userId))
        {
            return DirectLineResult.BadArgument("from.id is required (1 to 256 characters).");
        }

        normalizer.NormalizeFromUser(activity, conversationId, userId!, DirectLineRequest.ServiceUrl(context.Request, settings));
        return await conversations.PostAsync(activity, context.RequestAborted);
    }

    /// <summary>
    /// Returns the activities after the watermark. Never answers 5xx, because directlinejs stops polling for good on
    /// any status but 403 and 404: failures become an empty set with the client's watermark.
    /// </summary>
    public static async Task<IResult> PollAsync(
        HttpContext context, string conversationId, DirectLineTokenService tokens, DirectLineConversationService conversations,
        DirectLinePollRateLimiter rateLimiter, IOptions<DirectLineOptions> options, ILoggerFactory loggerFactory)
    {
        string? watermarkText = context.Request.Query["watermark"];

        // Refusals come first and outside the catch below: a bad or foreign token is a 403 (directlinejs then stops as
        // it should), never an empty 200 that looks like a quiet conversation.
        var caller = DirectLineCaller.From(context.Request, options.Value.Secret, tokens);
        if (!caller.CanAccess(conversationId))
        {
            return DirectLineResult.Forbidden();
        }

        if (rateLimiter.TryAcquire(conversationId) is { } retryAfter)
        {
            return DirectLineResult.Error(
                StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyRequests, "Polling too fast.", retryAfter);
        }

        if (!DirectLineRequest.TryParseWatermark(watermarkText, out var watermark))
        {
            return DirectLineResult.BadArgument("The watermark must be a number returned by this server.");
        }

        try
        {
            if (await conversations.GetAsync(conversationId, context.RequestAborted) is null)
            {
                return DirectLineResult.NotFound();
            }

            return DirectLineResult.Ok(await conversations.ReadAsync(conversationId, watermark, context.RequestAborted));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPollFailed(loggerFactory.CreateLogger(typeof(DirectLineActivityEndpoints).FullName!), e, conversationId);
            return DirectLineResult.Ok(new ActivitySet { Activities = [], Watermark = string.IsNullOrEmpty(watermarkText) ? null : watermarkText });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line: a poll of conversation {ConversationId} failed; answered with an empty set")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string conversationId);
}
