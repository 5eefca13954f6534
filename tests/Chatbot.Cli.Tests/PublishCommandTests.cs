using Chatbot.Testing;
using Newtonsoft.Json.Linq;

namespace Chatbot.Cli.Tests;

public sealed class PublishCommandTests : IDisposable
{
    private readonly FaqFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private CliRun Run(params string[] args) =>
        CliRun.Of([.. args, "--data", _fixture.DataFolder, "--model", _fixture.ModelFolder]);

    private void SetParkingAnswer(string answer)
    {
        var path = Path.Combine(_fixture.DataFolder, "clinic.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("The approved answer for faq/parking.", answer, StringComparison.Ordinal));
    }

    [Fact]
    public void PublishValidDataExitsZeroAndWritesThePublishedVersion()
    {
        var run = Run("publish", "--user", "ann");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Published: version", run.Output, StringComparison.Ordinal);
        Assert.Contains("by ann via Cli", run.Output, StringComparison.Ordinal);
        Assert.Contains("Macro-F1 (cross-validated)", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_fixture.ModelFolder, "published.json")));
    }

    [Fact]
    public void PublishJsonReportsTheOutcomeAndUnchangedDataExitsZero()
    {
        var first = JObject.Parse(Run("publish", "--json").Output);
        SetParkingAnswer("Park in the blue garage.");
        var second = Run("publish", "--json");
        var third = Run("publish", "--json");

        Assert.Equal("accepted", (string)first["outcome"]!);
        Assert.Equal("publish", (string)first["reports"]![0]!["action"]!);
        Assert.Equal(0, second.ExitCode);
        var answerOnly = JObject.Parse(second.Output);
        Assert.True((bool)answerOnly["reports"]![0]!["modelReused"]!);
        Assert.Equal((string)answerOnly["currentVersion"]!, (string)answerOnly["reports"]![0]!["currentVersion"]!);
        Assert.Equal(0, third.ExitCode);
        Assert.Equal("unchanged", (string)JObject.Parse(third.Output)["outcome"]!);
    }

    [Fact]
    public void PublishInvalidDataExitsOneWithFileLineAndTheServingVersion()
    {
        Run("publish");
        File.WriteAllText(Path.Combine(_fixture.DataFolder, "broken.json"), "{\n  \"topic\": \"T\",\n  \"entries\": [\n    { \"id\": \"faq/a\" \"title\": \"x\" }\n  ]\n}\n");

        var run = Run("publish");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("NOT published", run.Output, StringComparison.Ordinal);
        Assert.Contains("faq-data/broken.json:4:20: error: the file is not valid JSON", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void RollbackWithNothingEarlierExitsOne()
    {
        Run("publish");

        var run = Run("rollback");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("no earlier published version", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void RollbackAfterTwoPublishesExitsZeroAndHistoryShowsBoth()
    {
        Run("publish");
        SetParkingAnswer("A second version.");
        Run("publish");

        var rollback = Run("rollback", "--user", "bob");
        var history = Run("publish-history", "--json");
        var table = Run("publish-history", "--count", "2");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("Rolled back: version", rollback.Output, StringComparison.Ordinal);
        var reports = JArray.Parse(history.Output);
        Assert.Equal(["rollback", "publish", "publish"], reports.Select(r => (string)r["action"]!));
        Assert.Equal("bob", (string)reports[0]["user"]!);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Publish history (newest first)", table.Output, StringComparison.Ordinal);
        Assert.Contains("RolledBack", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishHistoryWithNothingPublishedSaysSo()
    {
        var run = Run("publish-history");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Nothing has been published", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("publish-history", "--count", "0")]
    [InlineData("publish", "--no-such-option")]
    [InlineData("rollback", "--count", "3")]
    public void UsageErrorsExitTwo(params string[] args)
    {
        Assert.Equal(2, Run(args).ExitCode);
    }
}
