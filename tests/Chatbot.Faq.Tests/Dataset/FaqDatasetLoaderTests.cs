using Chatbot.Faq.Dataset;
using Chatbot.Testing;

namespace Chatbot.Faq.Tests.Dataset;

public sealed class FaqDatasetLoaderTests
{
    [Fact]
    public void LoadReadsTopicFilesButNotSchemaOrTestsFolder()
    {
        using var fixture = new FaqFixture();

        var dataset = new FaqDatasetLoader().Load(fixture.DataFolder);

        Assert.Empty(dataset.LoadIssues);
        Assert.Equal(["faq-data/clinic.json", "faq-data/other.json"], dataset.Files);
        Assert.Equal(7, dataset.Entries.Count);
        Assert.Contains(dataset.Entries, e => e.Id == "out_of_scope" && e.Examples.Count == 100);
        var parking = dataset.Entries.Single(e => e.Id == "faq/parking");
        Assert.Equal("faq-data/clinic.json", parking.File);
        Assert.Equal("Clinic", parking.Topic);
        Assert.Equal(Audience.Patient, parking.Audience);
        Assert.Equal(new DateOnly(2025, 1, 15), parking.LastReviewed);
        Assert.True(parking.Line > 1);
        Assert.Matches("^[0-9a-f]{64}$", dataset.ContentHash);
    }

    [Fact]
    public void ContentHashIgnoresFormattingButNotContent()
    {
        using var folder = new TempDataFolder();
        const string compact = """{"topic":"T","entries":[{"id":"faq/a","title":"Title","audience":"patient","examples":["one","two"],"answer":"A","source":"S","owner":"O","lastReviewed":"2025-01-01"}]}""";
        folder.Write("a.json", compact);
        var first = new FaqDatasetLoader().Load(folder.Path_).ContentHash;

        folder.Write("a.json", compact.Replace(",", ",\n    ", StringComparison.Ordinal));
        var reformatted = new FaqDatasetLoader().Load(folder.Path_).ContentHash;

        folder.Write("a.json", compact.Replace("\"two\"", "\"three\"", StringComparison.Ordinal));
        var changed = new FaqDatasetLoader().Load(folder.Path_).ContentHash;

        Assert.Equal(first, reformatted);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void MalformedJsonBecomesIssueWithExactLineAndColumn()
    {
        using var folder = new TempDataFolder();
        folder.Write("broken.json", "{\n  \"topic\": \"T\",\n  \"entries\": [\n    { \"id\": \"faq/a\" \"title\": \"x\" }\n  ]\n}\n");

        var dataset = new FaqDatasetLoader().Load(folder.Path_);

        var issue = Assert.Single(dataset.LoadIssues);
        Assert.Equal(IssueCodes.InvalidJson, issue.Code);
        Assert.Equal("faq-data/broken.json", issue.File);
        Assert.Equal(4, issue.Line);
        Assert.Equal(20, issue.Column); // Newtonsoft's position: the last character read before the unexpected '"'.
        Assert.Contains("comma", issue.Fix, StringComparison.Ordinal);
        Assert.Empty(dataset.Entries);
    }

    [Fact]
    public void TruncatedAndEmptyFilesDoNotThrowAndOtherFilesStillLoad()
    {
        using var fixture = new FaqFixture();
        File.WriteAllText(Path.Combine(fixture.DataFolder, "cut.json"), "{ \"topic\": \"T\", \"entries\": [ { \"id\": ");
        File.WriteAllText(Path.Combine(fixture.DataFolder, "empty.json"), string.Empty);

        var dataset = new FaqDatasetLoader().Load(fixture.DataFolder);

        Assert.Equal(2, dataset.LoadIssues.Count);
        Assert.All(dataset.LoadIssues, i => Assert.Equal(IssueCodes.InvalidJson, i.Code));
        Assert.Equal(7, dataset.Entries.Count);
    }

    [Fact]
    public void MissingFolderIsAnIssueNotAnException()
    {
        var dataset = new FaqDatasetLoader().Load(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(IssueCodes.NoData, Assert.Single(dataset.LoadIssues).Code);
        Assert.Empty(dataset.Entries);
    }
}
