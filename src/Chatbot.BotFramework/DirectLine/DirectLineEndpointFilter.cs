using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// Runs around every Direct Line endpoint: adds the CORS headers, and turns an unexpected failure into Direct Line's
/// error body (500 <c>ServiceError</c>, no exception text) instead of the host's error page.
/// </summary>
internal static partial class DirectLineEndpointFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<DirectLineCors>().AddResponseHeaders(http);
        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // The server refused the body (too large, malformed chunking): the client's doing, not worth a stack trace.
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? DirectLineResult.TooLarge("The request body is too large.")
                : DirectLineResult.BadArgument("The request body could not be read.");
        }
        catch (Exception e) when (e is not OutOfMemoryException && !http.RequestAborted.IsCancellationRequested)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineEndpointFilter).FullName!);
            LogFailed(logger, e, http.Request.Method, http.Request.Path);
            return DirectLineResult.Error(StatusCodes.Status500InternalServerError, ErrorCodes.ServiceError, "The request could not be processed.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line: {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, PathString path);
}
