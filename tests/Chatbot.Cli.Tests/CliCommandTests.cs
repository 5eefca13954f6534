using Chatbot.Testing;
using Newtonsoft.Json.Linq;

namespace Chatbot.Cli.Tests;

public sealed class CliCommandTests : IDisposable
{
    private readonly FaqFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private CliRun Run(params string[] args) =>
        CliRun.Of([.. args, "--data", _fixture.DataFolder, "--model", _fixture.ModelFolder]);

    [Fact]
    public void ValidateValidDataExitsZero()
    {
        var run = Run("validate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 error(s), 0 warning(s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("The FAQ data is valid.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateBrokenFileExitsOneWithFileLineAndFix()
    {
        File.WriteAllText(Path.Combine(_fixture.DataFolder, "broken.json"), "{\n  \"topic\": \"T\",\n  \"entries\": [\n    { \"id\": \"faq/a\" \"title\": \"x\" }\n  ]\n}\n");

        var run = Run("validate");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("faq-data/broken.json:4:20: error: the file is not valid JSON", run.Output, StringComparison.Ordinal);
        Assert.Contains("    fix: look just before this point", run.Output, StringComparison.Ordinal);
        Assert.Contains("NOT valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateWarningsFailOnlyWithFailOnWarnings()
    {
        var path = Path.Combine(_fixture.DataFolder, "clinic.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"lastReviewed\": \"2025-01-15\"", "\"lastReviewed\": \"2025-01-15\", \"reviewBy\": \"2025-02-01\"", StringComparison.Ordinal));

        var lenient = Run("validate");
        var strict = Run("validate", "--fail-on-warnings");

        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains("warning: entry 'faq/infusion_duration' was due for review on 2025-02-01", lenient.Output, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void ValidateJsonIsMachineReadable()
    {
        var run = Run("validate", "--json");

        var json = JObject.Parse(run.Output);
        Assert.True((bool)json["valid"]!);
        Assert.Equal(7, (int)json["entries"]!);
        Assert.Empty((JArray)json["issues"]!);
    }

    [Theory]
    [InlineData("validate", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("evaluate", "--folds", "1")]
    [InlineData("evaluate", "--folds", "many")]
    [InlineData("ask")]
    public void UsageErrorsExitTwo(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCommandIsAUsageError() => Assert.Equal(2, CliRun.Of().ExitCode);

    [Fact]
    public void HelpExitsZero()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("validate", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainThenAsk()
    {
        var train = Run("train");
        var ask = Run("ask", "Where can I park my car?");

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("Macro-F1", train.Output, StringComparison.Ordinal);
        Assert.Contains("Thresholds: answer", train.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_fixture.ModelFolder, "model.zip")));
        Assert.Contains("training: cross-validation", train.Error, StringComparison.Ordinal);

        Assert.True(ask.ExitCode == 0, ask.ToString());
        Assert.Contains("faq/parking", ask.Output, StringComparison.Ordinal);
        Assert.Contains("Decision: ", ask.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("training:", ask.Error, StringComparison.Ordinal); // the saved model was reused
    }

    [Fact]
    public void AskTrainsWhenThereIsNoModelAndFallsBackOffTopic()
    {
        var run = Run("ask", "tell me about the stock market");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No trained model yet", run.Error, StringComparison.Ordinal);
        Assert.Contains("Decision: out_of_scope", run.Output, StringComparison.Ordinal);
        Assert.Contains("The approved answer for out_of_scope.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AskClinicianQuestionIsAReferral()
    {
        var run = Run("ask", "should i stop my medication");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Reply (ClinicianReferral", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TestPassesOnFixtureAndFailsOnWrongExpectation()
    {
        var pass = Run("test");
        var path = Path.Combine(_fixture.DataFolder, "tests", "test-conversations.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"intent\": \"faq/parking\"", "\"intent\": \"faq/cost\"", StringComparison.Ordinal));
        var fail = Run("test");

        Assert.True(pass.ExitCode == 0, pass.ToString());
        Assert.Contains("4 of 4 test conversations passed; 0 failed.", pass.Output, StringComparison.Ordinal);
        Assert.True(fail.ExitCode == 1, fail.ToString());
        Assert.Contains("FAIL", fail.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateJsonParsesAndHtmlIsSelfContained()
    {
        var html = Path.Combine(_fixture.Root, "reports", "report.html");

        var run = Run("evaluate", "--folds", "3", "--json", "--html", html);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JObject.Parse(run.Output)["report"]!;
        Assert.Equal(3, (int)report["folds"]!);
        Assert.InRange((double)report["macroF1"]!, 0.5, 1.0);
        Assert.Equal(7, ((JArray)report["perIntent"]!).Count);
        var page = File.ReadAllText(html);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateHumanOutputHasTables()
    {
        var run = Run("evaluate", "--folds", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Per intent", run.Output, StringComparison.Ordinal);
        Assert.Contains("Most confused pairs", run.Output, StringComparison.Ordinal);
        Assert.Contains("Out-of-scope recall", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainRefusesInvalidData()
    {
        File.WriteAllText(Path.Combine(_fixture.DataFolder, "broken.json"), "{ oops");

        var run = Run("train");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("faq-data/broken.json:1:", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_fixture.ModelFolder, "model.zip")));
    }
}
