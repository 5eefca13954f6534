using System.Net;
using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Connector;

/// <summary>
/// A Bot Connector call answered with a non-2xx status. Carries the status and the <c>ErrorResponse</c> code, e.g.
/// Teams 403 <c>ConversationBlockedByUser</c> / <c>MessageWritesBlocked</c> (the user blocked or removed the bot:
/// stop messaging them) or 404 <c>ConversationNotFound</c>.
/// </summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The parsed error body, if there was one.</param>
    /// <param name="operation">The operation, e.g. <c>ReplyToActivity</c>, for the message.</param>
    public ConnectorException(HttpStatusCode statusCode, Error? error, string operation)
        : base($"Bot Connector {operation} failed with HTTP {(int)statusCode}{(error?.Code is { } code ? $" ({code})" : string.Empty)}.")
    {
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error body, when the service sent one.</summary>
    public Error? Error { get; }

    /// <summary>The error code (<c>error.code</c>), when the service sent one.</summary>
    public string? Code => Error?.Code;

    /// <summary>The sub-code (<c>error.subCode</c>, used by Teams), when the service sent one.</summary>
    public string? SubCode => Error?.Properties.TryGetValue("subCode", out var subCode) == true ? subCode.ToString() : null;

    /// <summary>True when the code or sub-code equals <paramref name="code"/> (case-insensitive).</summary>
    /// <param name="code">E.g. <c>MessageWritesBlocked</c>.</param>
    public bool HasCode(string code) =>
        string.Equals(Code, code, StringComparison.OrdinalIgnoreCase) || string.Equals(SubCode, code, StringComparison.OrdinalIgnoreCase);
}
