namespace Chatbot.Faq.Publishing;

/// <summary>
/// The model folder could not be read or written (a full disk, missing permissions, a damaged file, another publish
/// holding the lock). The message says what failed and that nothing already published was changed.
/// </summary>
public sealed class ModelVersionStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelVersionStoreException(string message, bool isDiskFull, Exception? innerException = null)
        : base(message, innerException) => IsDiskFull = isDiskFull;

    /// <summary>Creates the exception.</summary>
    public ModelVersionStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelVersionStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ModelVersionStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the cause was a full disk (or quota).</summary>
    public bool IsDiskFull { get; }
}
