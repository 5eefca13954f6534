using Chatbot.Faq.Dataset;

namespace Chatbot.Staff.Editing;

/// <summary>The data folder as the staff page shows it: every entry (drafts too) and every validation issue.</summary>
/// <param name="Dataset">The loaded dataset.</param>
/// <param name="Issues">The issues <c>chatbot validate</c> would print.</param>
/// <param name="Today">Today in the clinic's time zone (review dates).</param>
public sealed record FaqWorkspace(FaqDataset Dataset, IReadOnlyList<ValidationIssue> Issues, DateOnly Today)
{
    /// <summary>Published entries, then drafts.</summary>
    public IEnumerable<FaqEntry> AllEntries => Dataset.Entries.Concat(Dataset.Drafts);

    /// <summary>The entry with this id (published or draft), or null.</summary>
    public FaqEntry? Find(string id) => AllEntries.FirstOrDefault(e => e.Id == id);

    /// <summary>True when the entry's review-by date has passed.</summary>
    public bool IsOverdue(FaqEntry entry) => entry.ReviewBy is { } reviewBy && reviewBy < Today;

    /// <summary>The issues that name this entry.</summary>
    public IReadOnlyList<ValidationIssue> IssuesOf(FaqEntry entry) => IssuesNaming(Issues, entry.Id);

    /// <summary>The issues of <paramref name="issues"/> whose message names <paramref name="id"/>.</summary>
    public static IReadOnlyList<ValidationIssue> IssuesNaming(IEnumerable<ValidationIssue> issues, string id) =>
        [.. issues.Where(i => i.Message.Contains($"'{id}'", StringComparison.Ordinal))];
}
