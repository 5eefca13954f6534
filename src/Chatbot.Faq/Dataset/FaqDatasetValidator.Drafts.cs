using System.Globalization;

namespace Chatbot.Faq.Dataset;

/// <summary>The checks for draft entries (<c>"draft": true</c>).</summary>
/// <remarks>
/// A draft is work in progress (an imported article section, a new entry started from an unanswered question), so
/// only what would break the published data or mislead later is an error: a malformed or duplicate id. Everything a
/// published entry must have (15 examples, no example shared with another entry, known follow-ups) is a warning that
/// says what is still missing; it becomes an error the moment the draft is published (the flag removed).
/// </remarks>
public sealed partial class FaqDatasetValidator
{
    private void CheckDrafts(FaqDataset dataset, IReadOnlyDictionary<string, FaqEntry> publishedById, List<ValidationIssue> issues)
    {
        // A copy: follow-ups and staff tests must still refer to published entries only.
        var byId = new Dictionary<string, FaqEntry>(publishedById, StringComparer.Ordinal);
        var published = new Dictionary<string, FaqEntry>(StringComparer.Ordinal);
        foreach (var entry in dataset.Entries)
        {
            foreach (var example in entry.Examples)
            {
                published.TryAdd(ExampleText.Normalize(example), entry);
            }
        }

        foreach (var draft in dataset.Drafts)
        {
            var at = dataset.LocationOf(draft);
            var what = $"entry '{draft.Id}'";
            if (!byId.TryAdd(draft.Id, draft))
            {
                var first = byId[draft.Id];
                Add(issues, IssueSeverity.Error, draft.File, at.Field("id"), IssueCodes.DuplicateId,
                    $"the id '{draft.Id}' is already used by the entry at {first.File}:{first.Line}",
                    "give this draft its own id (ids are never reused), or add its examples to the existing entry.");
            }

            if (!IdPattern().IsMatch(draft.Id))
            {
                Add(issues, IssueSeverity.Error, draft.File, at.Field("id"), IssueCodes.BadId,
                    $"the id '{draft.Id}' is not in the expected form",
                    "use a prefix (faq/, staff/, smalltalk/, booking/, handoff/ or clinician/) and lower-case words joined by underscores, e.g. 'faq/infusion_duration'.");
            }

            var count = draft.Examples.Count(e => !string.IsNullOrWhiteSpace(e));
            var missing = Math.Max(0, _rules.MinimumExamples - count);
            Add(issues, IssueSeverity.Warning, draft.File, at.Entry, IssueCodes.Draft,
                string.Create(CultureInfo.InvariantCulture, $"{what} is a draft, so the bot does not use it yet ({count} of {_rules.MinimumExamples} example questions)"),
                missing > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"review the answer, add at least {missing} more example question{(missing == 1 ? string.Empty : "s")}, then publish it (remove \"draft\": true, or untick Draft on the staff page).")
                    : "review the answer, then publish it (remove \"draft\": true, or untick Draft on the staff page).");

            for (var i = 0; i < draft.Examples.Count; i++)
            {
                if (published.TryGetValue(ExampleText.Normalize(draft.Examples[i]), out var owner) && owner.Id != draft.Id)
                {
                    Add(issues, IssueSeverity.Warning, draft.File, at.Example(i), IssueCodes.DraftConflictingExample,
                        $"the draft example '{draft.Examples[i]}' is already an example of '{owner.Id}' ({owner.File}:{owner.Line})",
                        $"if the question belongs to '{owner.Id}', delete it from the draft; otherwise reword it before publishing.");
                }
            }
        }
    }
}
