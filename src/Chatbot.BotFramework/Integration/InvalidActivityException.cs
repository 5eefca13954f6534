namespace Chatbot.BotFramework.Integration;

/// <summary>
/// A request body that is not an acceptable activity, with the HTTP status to answer: 400 (malformed JSON, not an
/// object, missing <c>type</c>), 413 (body over the limit) or 415 (not <c>application/json</c>).
/// </summary>
public sealed class InvalidActivityException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">400, 413 or 415.</param>
    /// <param name="code">A short error code for the <c>ErrorResponse</c> body, e.g. <c>BadArgument</c>.</param>
    /// <param name="message">What is wrong, safe to return to the client.</param>
    /// <param name="innerException">The parser error, if any.</param>
    public InvalidActivityException(int statusCode, string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
    }

    /// <summary>The HTTP status to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>The error code for the response body.</summary>
    public string Code { get; }
}
