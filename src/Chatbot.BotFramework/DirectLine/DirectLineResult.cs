using System.Text;
using Chatbot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>A Direct Line HTTP answer whose JSON body is written with <see cref="BotJson"/> (the activity wire format).</summary>
internal sealed class DirectLineResult(int statusCode, object? body, TimeSpan? retryAfter = null) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public object? Body => body;

    public static DirectLineResult Ok(object body) => new(StatusCodes.Status200OK, body);

    public static DirectLineResult Created(object body) => new(StatusCodes.Status201Created, body);

    public static DirectLineResult Error(int status, string code, string message, TimeSpan? retryAfter = null) =>
        new(status, ErrorResponse.Create(code, message), retryAfter);

    public static DirectLineResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, ErrorCodes.BadArgument, message);

    public static DirectLineResult Forbidden(string message = "The token is missing, invalid, expired or not valid for this conversation.") =>
        Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, message);

    public static DirectLineResult NotFound() => Error(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Conversation not found.");

    public static DirectLineResult TooLarge(string message) => Error(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, message);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.Headers.CacheControl = "no-store";
        if (retryAfter is { } delay)
        {
            response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (body is null)
        {
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(BotJson.Serialize(body));
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
