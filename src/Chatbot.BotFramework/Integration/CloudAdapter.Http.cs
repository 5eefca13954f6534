using System.Text;
using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chatbot.BotFramework.Integration;

/// <content>The HTTP front door: <c>POST /api/messages</c>.</content>
public sealed partial class CloudAdapter
{
    /// <summary>
    /// Serves one <c>POST /api/messages</c> request (protocol §2.1): authenticate (401 with a short JSON error), read
    /// the activity (400/413/415), replace any inbound <c>callerId</c> with the one from authentication, run the bot,
    /// and answer 200 (empty), 200 <c>{"activities":[…]}</c> for <c>expectReplies</c> (nothing is sent out of band), or
    /// the invoke response (501 when the bot gave none). Errors in the bot never turn into a 5xx.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="response">The response to write.</param>
    /// <param name="bot">The bot.</param>
    /// <param name="cancellationToken">Usually <c>HttpContext.RequestAborted</c>.</param>
    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(bot);
        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = HttpMethods.Post;
            await WriteErrorAsync(response, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "Use POST.", cancellationToken);
            return;
        }

        try
        {
            await ProcessPostAsync(request, response, bot, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogRequestAborted(_logger);
        }
    }

    private async Task ProcessPostAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization;
        Authentication.ChannelAuthenticationResult authentication;
        try
        {
            authentication = await _authenticator.AuthenticateHeaderAsync(authorization.Count > 1 ? null : authorization.ToString(), cancellationToken);
        }
        catch (UnauthorizedAccessException exception)
        {
            await WriteUnauthorizedAsync(response, exception.Message, cancellationToken);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Metadata unreachable or similar: our problem, not the caller's, and not a verdict on the token.
            LogAuthenticationUnavailable(_logger, exception);
            await WriteErrorAsync(response, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "Authentication is temporarily unavailable.", cancellationToken);
            return;
        }

        Activity activity;
        try
        {
            activity = await _activityReader.ReadAsync(request, cancellationToken);
            _authenticator.ValidateActivity(authentication, activity);
        }
        catch (InvalidActivityException exception)
        {
            LogInvalidActivity(_logger, exception.StatusCode, exception.Message);
            await WriteErrorAsync(response, exception.StatusCode, exception.Code, exception.Message, cancellationToken);
            return;
        }
        catch (UnauthorizedAccessException exception)
        {
            await WriteUnauthorizedAsync(response, exception.Message, cancellationToken);
            return;
        }
        catch (IOException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogInvalidActivity(_logger, StatusCodes.Status400BadRequest, exception.Message);
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest, "BadArgument", "The request body could not be read.", cancellationToken);
            return;
        }

        // callerId is not a wire field: only authentication may set it (A2251).
        activity.CallerId = authentication.CallerId;
        var result = await ProcessActivityAsync(authentication.Identity, activity, bot.OnTurnAsync, cancellationToken);
        await WriteInvokeResponseAsync(response, result, cancellationToken);
    }

    private static Task WriteInvokeResponseAsync(HttpResponse response, InvokeResponse? result, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentLength = 0;
            return Task.CompletedTask;
        }

        var status = result.Status is >= 100 and <= 599 ? result.Status : StatusCodes.Status500InternalServerError;
        return WriteJsonAsync(response, status, result.Body, cancellationToken);
    }

    private Task WriteUnauthorizedAsync(HttpResponse response, string reason, CancellationToken cancellationToken)
    {
        response.Headers.WWWAuthenticate = "Bearer";
        return WriteErrorAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized", reason, cancellationToken);
    }

    private static Task WriteErrorAsync(HttpResponse response, int status, string code, string message, CancellationToken cancellationToken) =>
        WriteJsonAsync(response, status, ErrorResponse.Create(code, message), cancellationToken);

    private static async Task WriteJsonAsync(HttpResponse response, int status, object? body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        if (body is null)
        {
            response.ContentLength = 0;
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(BotJson.Serialize(body));
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Rejected activity with HTTP {StatusCode}: {Reason}")]
    private static partial void LogInvalidActivity(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Channel authentication is unavailable (OpenID metadata?)")]
    private static partial void LogAuthenticationUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "The client aborted the request")]
    private static partial void LogRequestAborted(ILogger logger);
}
