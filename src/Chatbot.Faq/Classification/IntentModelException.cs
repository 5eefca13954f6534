namespace Chatbot.Faq.Classification;

/// <summary>A model folder cannot be used. The message says which file and why, in plain words.</summary>
public sealed class IntentModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IntentModelException(ModelProblem problem, string message, Exception? innerException = null)
        : base(message, innerException) => Problem = problem;

    /// <summary>Creates the exception (serialization-style constructor; prefer the one with a <see cref="ModelProblem"/>).</summary>
    public IntentModelException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IntentModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public IntentModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What is wrong.</summary>
    public ModelProblem Problem { get; } = ModelProblem.Corrupt;
}
