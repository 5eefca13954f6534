using Chatbot.Faq.Dataset;
using Chatbot.Testing;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Chatbot.Faq.Tests.Dataset;

public sealed class FaqDatasetValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private static string Examples(int count, string prefix = "question") =>
        string.Join(", ", Enumerable.Range(1, count).Select(i => $"\"{prefix} number {i}\""));

    /// <summary>A one-entry topic file; line 3 is the entry's "id", line 6 its "examples", line 7 "answer".</summary>
    private static string OneEntry(
        string id = "faq/a",
        string audience = "patient",
        string examples = "",
        string answer = "The answer.",
        string extra = "\"lastReviewed\": \"2025-01-01\"") =>
        "{ \"topic\": \"T\", \"entries\": [\n" +
        "  {\n" +
        $"    \"id\": \"{id}\",\n" +
        "    \"title\": \"A title\",\n" +
        $"    \"audience\": \"{audience}\",\n" +
        $"    \"examples\": [{(examples.Length == 0 ? Examples(15) : examples)}],\n" +
        $"    \"answer\": \"{answer}\",\n" +
        "    \"source\": \"S\", \"owner\": \"O\",\n" +
        $"    {extra}\n" +
        "  }\n" +
        "] }\n";

    private static IReadOnlyList<ValidationIssue> Validate(TempDataFolder folder, TestConversationSet? tests = null) =>
        new FaqDatasetValidator(Clock).Validate(new FaqDatasetLoader().Load(folder.Path_), tests);

    private static ValidationIssue Only(IReadOnlyList<ValidationIssue> issues, string code) =>
        Assert.Single(issues, i => i.Code == code);

    [Fact]
    public void FixtureDatasetIsValid()
    {
        using var fixture = new FaqFixture();
        var dataset = new FaqDatasetLoader().Load(fixture.DataFolder);
        var tests = new TestConversationLoader().LoadFromDataFolder(fixture.DataFolder);

        var issues = new FaqDatasetValidator(Clock).Validate(dataset, tests);

        Assert.Empty(issues);
        Assert.NotNull(tests);
        Assert.Equal(4, tests.Tests.Count);
    }

    [Fact]
    public void TooFewExamplesPointsAtExamplesAndSaysHowManyToAdd()
    {
        using var folder = new TempDataFolder();
        folder.Write("treatment.json", OneEntry(examples: Examples(9)));

        var issue = Only(Validate(folder), IssueCodes.TooFewExamples);

        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal(("faq-data/treatment.json", 6), (issue.File, issue.Line));
        Assert.Equal(
            "faq-data/treatment.json:6:" + issue.Column + ": error: entry 'faq/a' has 9 example questions; add at least 6 more (minimum 15), phrased the way patients ask.",
            issue.ToString());
    }

    [Fact]
    public void OutOfScopeNeedsOneHundredExamples()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry());
        folder.Write("oos.json", OneEntry(id: "out_of_scope", examples: Examples(40, "off topic")));

        var issue = Only(Validate(folder), IssueCodes.TooFewExamples);

        Assert.Equal("faq-data/oos.json", issue.File);
        Assert.Contains("add at least 60 more (minimum 100)", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredFieldIsReportedAtTheEntry()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry(extra: "\"reviewBy\": \"2026-01-01\""));

        var issue = Only(Validate(folder), IssueCodes.MissingField);

        Assert.Equal(2, issue.Line);
        Assert.Contains("has no 'lastReviewed'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("add \"lastReviewed\"", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAudienceListsTheAllowedValues()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry(audience: "patients"));

        var issue = Only(Validate(folder), IssueCodes.UnknownAudience);

        Assert.Equal(5, issue.Line);
        Assert.Contains("\"patient\"", issue.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("faq/Infusion-Duration")]
    [InlineData("infusion_duration")]
    [InlineData("faqs/x")]
    public void BadIdFormatIsAnError(string id)
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry(id: id));
        folder.Write("b.json", OneEntry(id: "faq/b", examples: Examples(15, "other")));

        var issue = Only(Validate(folder), IssueCodes.BadId);

        Assert.Equal(("faq-data/a.json", 3), (issue.File, issue.Line));
    }

    [Fact]
    public void DuplicateIdNamesTheFirstEntry()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry());
        folder.Write("b.json", OneEntry(examples: Examples(15, "other")));

        var issue = Only(Validate(folder), IssueCodes.DuplicateId);

        Assert.Equal(("faq-data/b.json", 3), (issue.File, issue.Line));
        Assert.Contains("faq-data/a.json:2", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameExampleUnderTwoIntentsAfterNormalizationIsAnError()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry());
        folder.Write("b.json", OneEntry(id: "faq/b", examples: Examples(14, "other") + ", \"  QUESTION number 3?! \""));

        var issue = Only(Validate(folder), IssueCodes.ConflictingExample);

        Assert.Equal(("faq-data/b.json", 6), (issue.File, issue.Line));
        Assert.Contains("'faq/a' (faq-data/a.json:6)", issue.Message, StringComparison.Ordinal);
        Assert.Contains("keep it under the one entry", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFollowUpSuggestsTheCloseId()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry(extra: "\"lastReviewed\": \"2025-01-01\", \"followUps\": [\"faq/parkin\", \"b\"]"));
        folder.Write("b.json", OneEntry(id: "faq/b", examples: Examples(15, "other")));

        var issues = Validate(folder).Where(i => i.Code == IssueCodes.UnknownFollowUp).ToList();

        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.Equal(("faq-data/a.json", 9), (i.File, i.Line)));
        Assert.Contains(issues, i => i.Fix.Contains("did you mean 'faq/b'", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyAnswerIsAnError()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry(answer: "  "));
        folder.Write("b.json", OneEntry(id: "faq/b", examples: Examples(15, "other")));

        var issue = Only(Validate(folder), IssueCodes.EmptyAnswer);

        Assert.Equal(7, issue.Line);
    }

    [Fact]
    public void AnAnswerMayNameTheClinicsSettingsButNotOnesTheBotCannotFillIn()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry(answer: "Call {clinic.phone} ({clinic.hours}); {clinic.fax} or {clinic.fax}."));
        folder.Write("b.json", OneEntry(id: "faq/b", examples: Examples(15, "other"), answer: "Call **{clinic.name}** at {clinic.phone}, {clinic.hours}."));

        var issue = Only(Validate(folder), IssueCodes.UnknownPlaceholder);

        Assert.Equal(("faq-data/a.json", 7, IssueSeverity.Error), (issue.File, issue.Line, issue.Severity));
        Assert.Contains("'{clinic.fax}'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("{clinic.phone}", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDateIsAnErrorAndPastReviewByIsAWarning()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry(extra: "\"lastReviewed\": \"2025-02-30\""));
        folder.Write("b.json", OneEntry(id: "faq/b", examples: Examples(15, "other"), extra: "\"lastReviewed\": \"2025-01-01\", \"reviewBy\": \"2025-05-31\""));

        var issues = Validate(folder);

        var bad = Only(issues, IssueCodes.BadDate);
        Assert.Equal(("faq-data/a.json", 9, IssueSeverity.Error), (bad.File, bad.Line, bad.Severity));
        Assert.Contains("YYYY-MM-DD", bad.Message, StringComparison.Ordinal);
        var overdue = Only(issues, IssueCodes.ReviewOverdue);
        Assert.Equal(("faq-data/b.json", IssueSeverity.Warning), (overdue.File, overdue.Severity));
        Assert.DoesNotContain(issues, i => i.IsError && i.File == "faq-data/b.json");
    }

    [Fact]
    public void UnknownFieldSuggestsTheRightSpelling()
    {
        using var folder = new TempDataFolder();
        folder.Write("a.json", OneEntry(extra: "\"lastReviewed\": \"2025-01-01\", \"followups\": []"));
        folder.Write("b.json", OneEntry(id: "faq/b", examples: Examples(15, "other")));

        var issue = Only(Validate(folder), IssueCodes.UnknownField);

        Assert.Contains("rename it to 'followUps'", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void TestsThatExpectUnknownIntentsAreErrors()
    {
        using var fixture = new FaqFixture();
        var path = Path.Combine(fixture.DataFolder, "tests", "test-conversations.json");
        File.WriteAllText(path, new JObject { ["tests"] = new JArray(new JObject { ["text"] = "hi", ["intent"] = "faq/nope" }) }.ToString());
        var tests = new TestConversationLoader().LoadFromDataFolder(fixture.DataFolder);

        var issues = new FaqDatasetValidator(Clock).Validate(new FaqDatasetLoader().Load(fixture.DataFolder), tests);

        var issue = Only(issues, IssueCodes.UnknownTestIntent);
        Assert.Equal("faq-data/tests/test-conversations.json", issue.File);
    }

    [Fact]
    public void EmptyFolderIsAnError()
    {
        using var folder = new TempDataFolder();

        var issue = Assert.Single(Validate(folder));

        Assert.Equal(IssueCodes.NoData, issue.Code);
    }
}
