using Chatbot.Faq.Dataset;
using Chatbot.Faq.Editing;
using Chatbot.Faq.Exchange;
using Chatbot.Faq.Tests.Dataset;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Faq.Tests.Exchange;

public sealed class QnaTsvTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static readonly FaqEntryContent Duration = new(
        "faq/infusion_duration", "How long does an infusion take?", Audience.Patient,
        ["how long does an infusion take", "infusion length", "how long r the infusions"],
        "An infusion takes about **45 minutes to an hour**.\n\n- plan for the whole visit\n- bring a driver",
        ["faq/driving", "booking/appointment"], "article.txt § How Long: 45 min | 1 h", "Clinical content team",
        new DateOnly(2026, 11, 24), new DateOnly(2027, 5, 24), Draft: false);

    private static readonly FaqEntryContent Cost = new(
        "faq/cost", "How much does it cost?", Audience.Both, ["how much does it cost", "price\tof a session", "back\\slash cost"],
        "Prices depend on your plan: call us.", [], "Clinic policy: no source fact — refer to care team", "Front desk",
        new DateOnly(2026, 10, 1), null, Draft: true);

    private static string Export(IEnumerable<FaqEntryContent> entries)
    {
        var writer = new StringWriter();
        QnaTsv.Write(writer, entries);
        return writer.ToString();
    }

    private static IReadOnlyList<FaqEntryContent> Import(string tsv, params string[] existingIds) =>
        QnaImport.ToEntries(QnaTsv.Read(new StringReader(tsv)).Pairs, new ImportedEntryIds(existingIds), Today, "kb.tsv");

    [Fact]
    public void EntriesToTsvToEntriesLosesNothing()
    {
        var tsv = Export([Duration, Cost]);

        var back = Import(tsv);

        Assert.Equal(2, back.Count);
        Assert.True(back[0].SameContentAs(Duration with { Draft = true }), "infusion_duration changed in the round trip");
        Assert.True(back[1].SameContentAs(Cost), "cost changed in the round trip");
    }

    [Fact]
    public void TsvToEntriesToTsvGivesTheSameFile()
    {
        var tsv = Export([Duration with { Draft = true }, Cost]);

        Assert.Equal(tsv, Export(Import(tsv)));
    }

    [Fact]
    public void TheFileHasTheQnaMakerHeaderAndOneRowPerQuestionWithEscapes()
    {
        var lines = Export([Duration]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Question\tAnswer\tSource\tMetadata", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.Equal(3, l.Count(c => c == '\t')));
        Assert.Contains("**45 minutes to an hour**.\\n\\n- plan", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("id:faq/infusion_duration|title:How long does an infusion take?|audience:patient|owner:Clinical content team|lastreviewed:2026-11-24|reviewby:2027-05-24|followups:faq/driving,booking/appointment", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AQnaMakerExportBecomesOneDraftPerPairWithAlternateQuestionsAsExamples()
    {
        const string Tsv = "Question\tAnswer\tSource\tMetadata\n" +
            "Do you take insurance?\tWe accept most major plans.\tEditorial\tcategory:billing\n" +
            "Is my insurance accepted?\tWe accept most major plans.\tEditorial\tcategory:billing\n" +
            "Where do I park?\tFree parking behind the building.\thttps://clinic.example/faq\t\n";

        var entries = Import(Tsv, "faq/do_you_take_insurance");

        Assert.Equal(2, entries.Count);
        Assert.Equal("faq/do_you_take_insurance_2", entries[0].Id);
        Assert.Equal(["Do you take insurance?", "Is my insurance accepted?"], entries[0].Examples);
        Assert.Equal("Do you take insurance?", entries[0].Title);
        Assert.Equal("faq/where_do_i_park", entries[1].Id);
        Assert.Equal("https://clinic.example/faq", entries[1].Source);
        Assert.All(entries, e => Assert.True(e.Draft));
        Assert.All(entries, e => Assert.Equal(QnaImport.UnassignedOwner, e.Owner));
        Assert.All(entries, e => Assert.Equal(Today, e.LastReviewed));
    }

    [Fact]
    public void QnaIdGroupsAlternateQuestionsAndExtraColumnsAreIgnored()
    {
        const string Tsv = "\uFEFFQuestion\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId\n" +
            "hi\tHello!\tchitchat\t\t[]\tfalse\t[]\t7\n" +
            "hello\tHello there!\tchitchat\t\t[]\tfalse\t[]\t7\n";

        var entry = Assert.Single(Import(Tsv));

        Assert.Equal(["hi", "hello"], entry.Examples);
        Assert.Equal("Hello!", entry.Answer);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("id,question,answer\n1,a,b\n", "not a QnA Maker header")]
    [InlineData("Question\tAnswer\tSource\tMetadata\n\tno question\t\t\n", "no usable question")]
    public void AFileThatIsNotQnaMakerTsvIsRefusedWithAClearMessage(string tsv, string expected)
    {
        var error = Assert.Throws<FaqImportException>(() => QnaTsv.Read(new StringReader(tsv)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadRowsAreSkippedAndReportedWithTheirLine()
    {
        var result = QnaTsv.Read(new StringReader("Question\tAnswer\tSource\tMetadata\ngood\tanswer\tS\t\nbroken row without tabs\n"));

        Assert.Single(result.Pairs);
        Assert.Equal("line 3: has 1 column(s), not the 4 of the header (a tab is missing, or the answer broke over two lines)", Assert.Single(result.Problems));
    }

    [Fact]
    public void ImportedDraftsWrittenAsANewTopicFileValidateWithoutErrors()
    {
        using var folder = new TempDataFolder();
        var published = Duration with { Examples = [.. Enumerable.Range(1, 15).Select(i => $"duration question {i}")], FollowUps = [] };
        var other = Cost with { Id = "faq/other", Draft = false, Examples = [.. Enumerable.Range(1, 15).Select(i => $"other question {i}")] };
        var document = FaqTopicDocument.Create("Treatment");
        document.Apply(published);
        document.Apply(other);
        folder.Write("treatment.json", document.ToJson());
        var imported = Import(Export([published]), "faq/infusion_duration", "faq/other");
        var name = ImportedTopicFile.NewFileName(folder.Path_, "kb.tsv");
        folder.Write(name, ImportedTopicFile.Create("kb.tsv", imported));

        var issues = new FaqDatasetValidator(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)))
            .Validate(new FaqDatasetLoader().Load(folder.Path_));

        Assert.Equal("imported-kb.json", name);
        Assert.Equal("faq/infusion_duration_2", Assert.Single(imported).Id);
        Assert.DoesNotContain(issues, i => i.IsError);
        Assert.Contains(issues, i => i.Code == IssueCodes.Draft && i.File == "faq-data/imported-kb.json");
        Assert.Equal(15, issues.Count(i => i.Code == IssueCodes.DraftConflictingExample));
    }
}
