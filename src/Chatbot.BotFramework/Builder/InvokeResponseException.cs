using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Builder;

/// <summary>
/// Thrown inside an invoke handler to answer the invoke with a given status and body (the SDK's
/// <c>InvokeResponseException</c>); <see cref="ActivityHandler"/> turns it into the turn's <see cref="InvokeResponse"/>.
/// </summary>
public sealed class InvokeResponseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status of the invoke response.</param>
    /// <param name="body">The JSON body, or <see langword="null"/> for none.</param>
    public InvokeResponseException(int statusCode, object? body = null)
        : base($"Invoke answered with status {statusCode}.")
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>The HTTP status of the invoke response.</summary>
    public int StatusCode { get; }

    /// <summary>The JSON body of the invoke response.</summary>
    public object? Body { get; }

    /// <summary>The invoke response this exception stands for.</summary>
    public InvokeResponse CreateInvokeResponse() => new(StatusCode, Body);
}
