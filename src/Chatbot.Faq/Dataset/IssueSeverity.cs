namespace Chatbot.Faq.Dataset;

/// <summary>How serious a <see cref="ValidationIssue"/> is.</summary>
public enum IssueSeverity
{
    /// <summary>The dataset cannot be used until this is fixed (training refuses to run).</summary>
    Error,

    /// <summary>Worth fixing, but the dataset still works.</summary>
    Warning,
}
