using Chatbot.Faq.Dataset;
using Chatbot.Testing;

namespace Chatbot.Cli.Tests;

/// <summary><c>import-article</c>, <c>import-qna</c>, <c>export-qna</c>, <c>export-csv</c> on the fixture dataset.</summary>
public sealed class ExchangeCommandTests : IDisposable
{
    private readonly FaqFixture _fixture = new();

    private string Article()
    {
        var path = Path.Combine(_fixture.Root, "visit.md");
        File.WriteAllText(path, "# Your visit\n\n## How long is a visit?\nAbout two hours.\n\n## Can I drive home?\nNo: bring a driver.\n");
        return path;
    }

    [Fact]
    public void ImportArticleWritesDraftsToANewFileAndTheDataStaysValid()
    {
        var before = Directory.GetFiles(_fixture.DataFolder, "*.json").ToDictionary(f => f, File.ReadAllText);

        var run = CliRun.Of("import-article", Article(), "--data", _fixture.DataFolder);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Imported 2 draft(s) into faq-data/imported-visit.json", run.Output, StringComparison.Ordinal);
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllText(f.Key)));
        var dataset = new FaqDatasetLoader().Load(_fixture.DataFolder);
        Assert.Equal(["faq/how_long_is_a_visit", "faq/can_i_drive_home"], dataset.Drafts.Select(d => d.Id));
        Assert.Equal(0, CliRun.Of("validate", "--data", _fixture.DataFolder).ExitCode);
    }

    [Fact]
    public void ImportingTwiceNeverOverwritesTheFirstImport()
    {
        var article = Article();
        CliRun.Of("import-article", article, "--data", _fixture.DataFolder);

        var second = CliRun.Of("import-article", article, "--data", _fixture.DataFolder);

        Assert.Contains("imported-visit-2.json", second.Output, StringComparison.Ordinal);
        Assert.Contains("faq/how_long_is_a_visit_2", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_fixture.DataFolder, "imported-visit.json")));
    }

    [Fact]
    public void ExportQnaThenImportQnaRoundTripsEveryEntryAsDrafts()
    {
        var tsv = Path.Combine(_fixture.Root, "kb.tsv");

        var export = CliRun.Of("export-qna", tsv, "--data", _fixture.DataFolder);
        var import = CliRun.Of("import-qna", tsv, "--data", _fixture.DataFolder);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(import.ExitCode == 0, import.ToString());
        var dataset = new FaqDatasetLoader().Load(_fixture.DataFolder);
        Assert.Equal(dataset.Entries.Count, dataset.Drafts.Count);
        foreach (var entry in dataset.Entries)
        {
            var draft = Assert.Single(dataset.Drafts, d => d.Id == (entry.Id == FaqEntry.OutOfScopeId ? "faq/out_of_scope" : entry.Id + "_2"));
            Assert.Equal(entry.Examples, draft.Examples);
            Assert.Equal(entry.Answer, draft.Answer);
            Assert.Equal(entry.Title, draft.Title);
        }
    }

    [Fact]
    public void AFileThatIsNotQnaTsvIsRefusedAndNothingIsWritten()
    {
        var csv = Path.Combine(_fixture.Root, "kb.csv");
        File.WriteAllText(csv, "question,answer\nhi,hello\n");

        var run = CliRun.Of("import-qna", csv, "--data", _fixture.DataFolder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a QnA Maker header", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(_fixture.DataFolder), f => Path.GetFileName(f).StartsWith("imported-", StringComparison.Ordinal));
    }

    [Fact]
    public void ExportCsvWritesOneRowPerEntryWithAByteOrderMarkForSpreadsheets()
    {
        var csv = Path.Combine(_fixture.Root, "faq.csv");

        var run = CliRun.Of("export-csv", csv, "--data", _fixture.DataFolder);

        Assert.Equal(0, run.ExitCode);
        var bytes = File.ReadAllBytes(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = File.ReadAllText(csv);
        Assert.StartsWith("id,topic,title,audience,draft,examples,answer,followUps,source,owner,lastReviewed,reviewBy\r\n", text, StringComparison.Ordinal);
        Assert.Equal(FaqFixture.Intents.Count + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    public void Dispose() => _fixture.Dispose();
}
