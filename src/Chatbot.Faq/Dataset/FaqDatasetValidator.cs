using System.Text.RegularExpressions;

namespace Chatbot.Faq.Dataset;

/// <summary>Checks a <see cref="FaqDataset"/> (and its staff tests) and explains every problem in plain words.</summary>
/// <param name="timeProvider">Today's date, for review dates.</param>
/// <param name="rules">The limits to check; the defaults when null.</param>
public sealed partial class FaqDatasetValidator(TimeProvider timeProvider, FaqValidationRules? rules = null)
{
    private readonly FaqValidationRules _rules = rules ?? new FaqValidationRules();

    /// <summary>Validates the dataset, including the problems met while loading it.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="tests">The staff tests, checked against the dataset's intents, if any.</param>
    /// <returns>All issues: load issues first, then by file and line.</returns>
    public IReadOnlyList<ValidationIssue> Validate(FaqDataset dataset, TestConversationSet? tests = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var issues = new List<ValidationIssue>();
        var today = DateOnly.FromDateTime(timeProvider.GetLocalNow().DateTime);

        CheckDatasetShape(dataset, issues);
        var firstById = new Dictionary<string, FaqEntry>(StringComparer.Ordinal);
        foreach (var entry in dataset.Entries)
        {
            var at = dataset.LocationOf(entry);
            if (!firstById.TryAdd(entry.Id, entry))
            {
                var first = firstById[entry.Id];
                Add(issues, IssueSeverity.Error, entry.File, at.Field("id"), IssueCodes.DuplicateId,
                    $"the id '{entry.Id}' is already used by the entry at {first.File}:{first.Line}",
                    "give this entry its own id (ids are never reused), or merge the two entries.");
            }

            CheckEntry(entry, at, today, issues);
        }

        CheckExamplesAcrossIntents(dataset, issues);
        CheckFollowUps(dataset, firstById, issues);
        CheckDrafts(dataset, firstById, issues);
        if (tests is not null)
        {
            CheckTests(tests, firstById, issues);
        }

        return dataset.LoadIssues
            .Concat(tests?.Issues ?? [])
            .Concat(issues.OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Line).ThenBy(i => i.Column))
            .ToList();
    }

    private void CheckDatasetShape(FaqDataset dataset, List<ValidationIssue> issues)
    {
        var folder = FaqDatasetLoader.DisplayPath(dataset.DataFolder, dataset.DataFolder);
        if (dataset.Files.Count == 0 && dataset.LoadIssues.Count == 0)
        {
            Add(issues, IssueSeverity.Error, folder, new SourcePosition(1, 1), IssueCodes.NoData,
                $"the data folder '{dataset.DataFolder}' has no FAQ topic files (*.json)",
                "add topic files, or pass the right folder with --data.");
            return;
        }

        if (dataset.Files.Count > 0 && dataset.Intents.Count < 2)
        {
            Add(issues, IssueSeverity.Error, dataset.Files[0], new SourcePosition(1, 1), IssueCodes.NoData,
                $"the dataset has {dataset.Intents.Count} intent(s); the classifier needs at least two",
                "add more entries.");
        }

        if (dataset.Entries.Count > 0 && !dataset.Entries.Any(e => e.Id == FaqEntry.OutOfScopeId))
        {
            Add(issues, IssueSeverity.Warning, dataset.Files[0], new SourcePosition(1, 1), IssueCodes.NoOutOfScope,
                "there is no 'out_of_scope' entry, so the bot can only spot off-topic questions by low confidence",
                $"add an entry with id 'out_of_scope' and at least {_rules.MinimumOutOfScopeExamples} questions the bot must not answer (dosing, diagnosis, other clinics, unrelated topics).");
        }
    }

    private void CheckEntry(FaqEntry entry, EntryLocation at, DateOnly today, List<ValidationIssue> issues)
    {
        var what = $"entry '{entry.Id}'";
        if (!IdPattern().IsMatch(entry.Id))
        {
            Add(issues, IssueSeverity.Error, entry.File, at.Field("id"), IssueCodes.BadId,
                $"the id '{entry.Id}' is not in the expected form",
                "use a prefix (faq/, staff/, smalltalk/, booking/, handoff/ or clinician/) and lower-case words joined by underscores, e.g. 'faq/infusion_duration', or exactly 'out_of_scope'.");
        }

        if (entry.Title.Length is > 0 and (< 3 or > 60))
        {
            Add(issues, IssueSeverity.Warning, entry.File, at.Field("title"), IssueCodes.TitleLength,
                $"{what} has a title of {entry.Title.Length} characters",
                "keep the title between 3 and 60 characters so it fits on a button.");
        }

        if (at.Fields.ContainsKey("answer") && string.IsNullOrWhiteSpace(entry.Answer))
        {
            Add(issues, IssueSeverity.Error, entry.File, at.Field("answer"), IssueCodes.EmptyAnswer,
                $"{what} has an empty answer", "write the approved answer, or remove the entry.");
        }

        foreach (var unknown in AnswerPlaceholders.Unknown(entry.Answer))
        {
            Add(issues, IssueSeverity.Error, entry.File, at.Field("answer"), IssueCodes.UnknownPlaceholder,
                $"{what} names '{unknown}' in its answer, which the bot cannot fill in",
                $"use {string.Join(", ", AnswerPlaceholders.Known)} (filled in from the clinic's settings), or write the text out.");
        }

        if (entry.Kind == IntentKind.Staff && entry.Audience != Audience.Staff)
        {
            Add(issues, IssueSeverity.Warning, entry.File, at.Field("audience"), IssueCodes.AudienceMismatch,
                $"{what} is a staff/ entry but its audience lets patients see it",
                "set \"audience\": \"staff\", or move the entry to a faq/ id if patients may see it.");
        }

        CheckExamplesOfEntry(entry, at, what, issues);
        CheckDates(entry, at, what, today, issues);
    }

    private void CheckExamplesOfEntry(FaqEntry entry, EntryLocation at, string what, List<ValidationIssue> issues)
    {
        var isOutOfScope = entry.Id == FaqEntry.OutOfScopeId;
        var minimum = isOutOfScope ? _rules.MinimumOutOfScopeExamples : _rules.MinimumExamples;
        var count = entry.Examples.Count(e => !string.IsNullOrWhiteSpace(e));
        if (at.Fields.ContainsKey("examples") && count < minimum)
        {
            var how = isOutOfScope
                ? "questions the bot must not answer: medication doses, diagnoses, other clinics, unrelated topics"
                : "phrased the way patients ask";
            Add(issues, IssueSeverity.Error, entry.File, at.Field("examples"), IssueCodes.TooFewExamples,
                $"{what} has {count} example question{(count == 1 ? string.Empty : "s")}",
                $"add at least {minimum - count} more (minimum {minimum}), {how}.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entry.Examples.Count; i++)
        {
            var example = entry.Examples[i];
            var position = at.Example(i);
            if (string.IsNullOrWhiteSpace(example))
            {
                Add(issues, IssueSeverity.Error, entry.File, position, IssueCodes.EmptyExample,
                    $"{what} has an empty example question", "delete the empty \"\" or write a question in it.");
                continue;
            }

            if (example.Length > _rules.MaximumExampleLength)
            {
                Add(issues, IssueSeverity.Warning, entry.File, position, IssueCodes.LongExample,
                    $"{what} has an example of {example.Length} characters",
                    $"shorten it to at most {_rules.MaximumExampleLength} characters: people type short questions.");
            }

            var key = ExampleText.Normalize(example);
            if (!seen.TryAdd(key, i))
            {
                Add(issues, IssueSeverity.Warning, entry.File, position, IssueCodes.DuplicateExample,
                    $"{what} lists the example '{example}' twice (ignoring case and punctuation)",
                    "delete one copy, or replace it with a new way of asking.");
            }
        }
    }

    private static void CheckDates(FaqEntry entry, EntryLocation at, string what, DateOnly today, List<ValidationIssue> issues)
    {
        if (entry.ReviewBy is { } reviewBy && reviewBy < today)
        {
            Add(issues, IssueSeverity.Warning, entry.File, at.Field("reviewBy"), IssueCodes.ReviewOverdue,
                $"{what} was due for review on {reviewBy:yyyy-MM-dd}",
                "check the answer against the current source, then update lastReviewed and set a new reviewBy date.");
        }

        if (at.Fields.ContainsKey("lastReviewed") && entry.LastReviewed > today)
        {
            Add(issues, IssueSeverity.Warning, entry.File, at.Field("lastReviewed"), IssueCodes.ReviewedInFuture,
                $"{what} says it was last reviewed on {entry.LastReviewed:yyyy-MM-dd}, which is in the future",
                "set lastReviewed to the date the answer was actually reviewed.");
        }
    }

    private static void CheckExamplesAcrossIntents(FaqDataset dataset, List<ValidationIssue> issues)
    {
        var owner = new Dictionary<string, (FaqEntry Entry, int Index)>(StringComparer.Ordinal);
        foreach (var entry in dataset.Entries)
        {
            var at = dataset.LocationOf(entry);
            for (var i = 0; i < entry.Examples.Count; i++)
            {
                var key = ExampleText.Normalize(entry.Examples[i]);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!owner.TryGetValue(key, out var first))
                {
                    owner[key] = (entry, i);
                }
                else if (first.Entry.Id != entry.Id)
                {
                    var firstAt = dataset.LocationOf(first.Entry).Example(first.Index);
                    Add(issues, IssueSeverity.Error, entry.File, at.Example(i), IssueCodes.ConflictingExample,
                        $"the example '{entry.Examples[i]}' is listed under both '{first.Entry.Id}' ({first.Entry.File}:{firstAt.Line}) and '{entry.Id}'",
                        "keep it under the one entry it belongs to, or reword it so the two questions differ.");
                }
            }
        }
    }

    private static void CheckFollowUps(FaqDataset dataset, Dictionary<string, FaqEntry> byId, List<ValidationIssue> issues)
    {
        foreach (var entry in dataset.Entries)
        {
            var at = dataset.LocationOf(entry).Field("followUps");
            foreach (var followUp in entry.FollowUps)
            {
                if (followUp == entry.Id)
                {
                    Add(issues, IssueSeverity.Warning, entry.File, at, IssueCodes.SelfFollowUp,
                        $"entry '{entry.Id}' lists itself as a follow-up", "remove it from followUps.");
                }
                else if (!byId.ContainsKey(followUp))
                {
                    var close = byId.Keys.FirstOrDefault(k => k.EndsWith("/" + followUp.Split('/')[^1], StringComparison.Ordinal));
                    Add(issues, IssueSeverity.Error, entry.File, at, IssueCodes.UnknownFollowUp,
                        $"entry '{entry.Id}' has a follow-up '{followUp}', but no entry has that id",
                        close is not null ? $"did you mean '{close}'? Fix the id or remove it." : "fix the id (see the 'id' of the entry you mean) or remove it.");
                }
            }
        }
    }

    private static void CheckTests(TestConversationSet tests, Dictionary<string, FaqEntry> byId, List<ValidationIssue> issues)
    {
        foreach (var test in tests.Tests.Where(t => t.Intent != FaqEntry.OutOfScopeId && !byId.ContainsKey(t.Intent)))
        {
            Add(issues, IssueSeverity.Error, tests.File, new SourcePosition(test.Line, test.Column), IssueCodes.UnknownTestIntent,
                $"the test '{test.Text}' expects intent '{test.Intent}', but no entry has that id",
                "fix the intent id in the test, or add the entry.");
        }
    }

    private static void Add(List<ValidationIssue> issues, IssueSeverity severity, string file, SourcePosition at, string code, string message, string fix) =>
        issues.Add(new ValidationIssue(severity, file, at.Line, at.Column, code, message, fix));

    [GeneratedRegex("^(faq|staff|smalltalk|booking|handoff|clinician)/[a-z0-9_]+$|^out_of_scope$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
