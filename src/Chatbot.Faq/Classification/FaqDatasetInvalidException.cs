using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Classification;

/// <summary>The FAQ data folder cannot be used: it has validation errors and there is no previous model to fall back to.</summary>
/// <param name="issues">The validation issues.</param>
public sealed class FaqDatasetInvalidException(IReadOnlyList<ValidationIssue> issues)
    : Exception(
        $"The FAQ data has {issues.Count(i => i.IsError)} error(s); fix them (run 'chatbot validate'):{Environment.NewLine}"
        + string.Join(Environment.NewLine, issues.Where(i => i.IsError).Take(20)))
{
    /// <summary>The validation issues.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; } = issues;
}
