namespace Chatbot.Faq.Exchange;

/// <summary>A file to import cannot be used at all (wrong format, no rows); the message says why and what to do.</summary>
public sealed class FaqImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FaqImportException()
    {
    }

    /// <summary>Creates the exception with a message for staff.</summary>
    public FaqImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for staff and the cause.</summary>
    public FaqImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
