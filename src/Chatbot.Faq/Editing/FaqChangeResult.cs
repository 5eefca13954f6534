using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Editing;

/// <summary>The outcome of <see cref="FaqChangeCheck.Check"/>.</summary>
/// <param name="Dataset">The dataset with the change applied.</param>
/// <param name="Issues">Every issue of the changed dataset (errors and warnings).</param>
/// <param name="NewErrors">The errors the change adds: when there are any, the change must not be written.</param>
public sealed record FaqChangeResult(FaqDataset Dataset, IReadOnlyList<ValidationIssue> Issues, IReadOnlyList<ValidationIssue> NewErrors)
{
    /// <summary>True when the change adds no error.</summary>
    public bool IsAcceptable => NewErrors.Count == 0;
}
