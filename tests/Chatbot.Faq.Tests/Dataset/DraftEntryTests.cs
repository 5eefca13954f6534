using Chatbot.Faq.Dataset;
using Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Faq.Tests.Dataset;

/// <summary>Draft entries: loaded apart, never trained on or answered, validated lightly.</summary>
public sealed class DraftEntryTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private static string Draft(string id, string examples, string draft = "true") =>
        "{ \"topic\": \"Imported\", \"entries\": [\n" +
        "  {\n" +
        $"    \"id\": \"{id}\", \"title\": \"A draft\", \"audience\": \"patient\",\n" +
        $"    \"examples\": [{examples}],\n" +
        "    \"answer\": \"Draft answer.\", \"source\": \"S\", \"owner\": \"O\", \"lastReviewed\": \"2025-01-01\",\n" +
        $"    \"draft\": {draft}\n" +
        "  }\n" +
        "] }\n";

    [Fact]
    public void DraftsAreLoadedApartAndLeaveTheContentHashAlone()
    {
        using var fixture = new FaqFixture();
        var before = new FaqDatasetLoader().Load(fixture.DataFolder);
        File.WriteAllText(Path.Combine(fixture.DataFolder, "imported.json"), Draft("faq/new_question", "\"a brand new question\""));

        var after = new FaqDatasetLoader().Load(fixture.DataFolder);

        var draft = Assert.Single(after.Drafts);
        Assert.True(draft.Draft);
        Assert.Equal("faq/new_question", draft.Id);
        Assert.DoesNotContain(after.Entries, e => e.Id == "faq/new_question");
        Assert.DoesNotContain(after.Examples, e => e.Intent == "faq/new_question");
        Assert.Equal(before.ContentHash, after.ContentHash);
        Assert.Null(new FaqCatalog(after.Entries).Find("faq/new_question"));
    }

    [Fact]
    public void ADraftIsAWarningThatSaysWhatIsMissingNotAnError()
    {
        using var fixture = new FaqFixture();
        File.WriteAllText(Path.Combine(fixture.DataFolder, "imported.json"), Draft("faq/new_question", "\"a brand new question\""));

        var issues = new FaqDatasetValidator(Clock).Validate(new FaqDatasetLoader().Load(fixture.DataFolder));

        Assert.DoesNotContain(issues, i => i.IsError);
        var draft = Assert.Single(issues, i => i.Code == IssueCodes.Draft);
        Assert.Equal(IssueSeverity.Warning, draft.Severity);
        Assert.Equal("faq-data/imported.json", draft.File);
        Assert.Equal(2, draft.Line);
        Assert.Contains("1 of 15 example questions", draft.Message, StringComparison.Ordinal);
        Assert.Contains("add at least 14 more", draft.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void ADraftWithAPublishedIdOrABadIdIsAnError()
    {
        using var fixture = new FaqFixture();
        File.WriteAllText(Path.Combine(fixture.DataFolder, "imported.json"), Draft("faq/parking", "\"a brand new question\""));
        File.WriteAllText(Path.Combine(fixture.DataFolder, "imported-2.json"), Draft("Faq/Bad Id", "\"another new question\""));

        var issues = new FaqDatasetValidator(Clock).Validate(new FaqDatasetLoader().Load(fixture.DataFolder));

        Assert.Contains(issues, i => i.IsError && i.Code == IssueCodes.DuplicateId && i.File == "faq-data/imported.json");
        Assert.Contains(issues, i => i.IsError && i.Code == IssueCodes.BadId && i.File == "faq-data/imported-2.json");
    }

    [Fact]
    public void ADraftRepeatingAPublishedExampleIsWarnedAndBecomesAnErrorWhenPublished()
    {
        using var fixture = new FaqFixture();
        var path = Path.Combine(fixture.DataFolder, "imported.json");
        File.WriteAllText(path, Draft("faq/new_question", "\"Where do I park?\""));

        var asDraft = new FaqDatasetValidator(Clock).Validate(new FaqDatasetLoader().Load(fixture.DataFolder));
        File.WriteAllText(path, Draft("faq/new_question", "\"Where do I park?\"", draft: "false"));
        var published = new FaqDatasetValidator(Clock).Validate(new FaqDatasetLoader().Load(fixture.DataFolder));

        Assert.Contains(asDraft, i => !i.IsError && i.Code == IssueCodes.DraftConflictingExample && i.Message.Contains("faq/parking", StringComparison.Ordinal));
        Assert.Contains(published, i => i.IsError && i.Code == IssueCodes.ConflictingExample);
        Assert.Contains(published, i => i.IsError && i.Code == IssueCodes.TooFewExamples);
    }

    [Fact]
    public void DraftThatIsNotTrueOrFalseIsAnErrorAndTheEntryStaysADraft()
    {
        using var fixture = new FaqFixture();
        File.WriteAllText(Path.Combine(fixture.DataFolder, "imported.json"), Draft("faq/new_question", "\"a brand new question\"", draft: "\"yes\""));

        var dataset = new FaqDatasetLoader().Load(fixture.DataFolder);

        Assert.Contains(dataset.LoadIssues, i => i.Code == IssueCodes.WrongType && i.Message.Contains("'draft'", StringComparison.Ordinal));
        Assert.Single(dataset.Drafts);
    }

    [Fact]
    public void DraftExamplesAreNeverTrainingData()
    {
        using var fixture = new FaqFixture();
        File.WriteAllText(Path.Combine(fixture.DataFolder, "imported.json"), Draft("faq/new_question",
            string.Join(", ", Enumerable.Range(1, 15).Select(i => $"\"zebra question {i}\""))));
        var dataset = new FaqDatasetLoader().Load(fixture.DataFolder);

        var examples = dataset.Examples.ToList();

        Assert.DoesNotContain(examples, e => e.Intent == "faq/new_question");
        Assert.DoesNotContain("faq/new_question", dataset.Intents);
    }

    [Fact]
    public void LoadWithOverridesReadsTheChangedTextInsteadOfTheFile()
    {
        using var fixture = new FaqFixture();
        var overrides = new Dictionary<string, string> { ["imported.json"] = Draft("faq/new_question", "\"a brand new question\"") };

        var dataset = new FaqDatasetLoader().Load(fixture.DataFolder, overrides);

        Assert.Single(dataset.Drafts);
        Assert.Contains("faq-data/imported.json", dataset.Files);
        Assert.False(File.Exists(Path.Combine(fixture.DataFolder, "imported.json")));
    }
}
