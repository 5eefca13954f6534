using Chatbot.Clinic.Feedback;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Testing;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace Chatbot.Cli.Tests;

public sealed class CliCommandTests : IDisposable
{
    private readonly FaqFixture _fixture = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _fixture.Dispose();
    }

    /// <summary>
    /// A bot database with votes, relative to <see cref="CliRun"/>'s clock (1 June 2025, 09:00 UTC): faq/cost 1 👍 3 👎
    /// under two models, faq/parking 2 👍, and 5 👎 from April that are outside the default 30 days.
    /// </summary>
    private string SeedFeedbackDatabase()
    {
        var path = Path.Combine(_fixture.Root, "bot", "chatbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var store = new SqliteAnswerFeedbackStore(new SqliteDatabase(path));
        var now = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var votes = new (string Intent, string Model, AnswerVote Vote, DateTimeOffset At)[]
        {
            ("faq/cost", "model-a", AnswerVote.NotHelpful, now.AddDays(-20)),
            ("faq/cost", "model-b", AnswerVote.NotHelpful, now.AddDays(-2)),
            ("faq/cost", "model-b", AnswerVote.NotHelpful, now.AddDays(-1)),
            ("faq/cost", "model-b", AnswerVote.Helpful, now.AddDays(-1)),
            ("faq/parking", "model-b", AnswerVote.Helpful, now.AddDays(-3)),
            ("faq/parking", "model-b", AnswerVote.Helpful, now.AddDays(-4)),
        }.Concat(Enumerable.Range(0, 5).Select(_ => ("faq/parking", "model-old", AnswerVote.NotHelpful, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero))));
        foreach (var (intent, model, vote, at) in votes)
        {
            store.RecordAsync(new AnswerFeedback(Guid.NewGuid().ToString("N"), at, "webchat", intent, model, vote), default).GetAwaiter().GetResult();
        }

        return path;
    }

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
    public void EvaluateJsonParsesAndHtmlIsSelfContainedBothWithTheAnswerFeedback()
    {
        var html = Path.Combine(_fixture.Root, "reports", "report.html");
        var db = SeedFeedbackDatabase();

        var run = Run("evaluate", "--folds", "3", "--json", "--html", html, "--db", db);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JObject.Parse(run.Output);
        var report = json["report"]!;
        Assert.Equal(3, (int)report["folds"]!);
        Assert.InRange((double)report["macroF1"]!, 0.5, 1.0);
        Assert.Equal(7, ((JArray)report["perIntent"]!).Count);
        var feedback = json["feedback"]!;
        Assert.Equal(30, (int)feedback["days"]!);
        Assert.Equal(db, (string?)feedback["source"]);
        Assert.Equal((3, 3, 6), ((int)feedback["helpful"]!, (int)feedback["notHelpful"]!, (int)feedback["total"]!));
        var entries = (JArray)feedback["entries"]!;
        Assert.Equal(["faq/cost", "faq/parking"], entries.Select(e => (string?)e["intent"]));
        var cost = entries[0];
        Assert.Equal((1, 3, 0.25), ((int)cost["helpful"]!, (int)cost["notHelpful"]!, (double)cost["helpfulShare"]!));
        Assert.Equal(["model-b", "model-a"], ((JArray)cost["modelVersions"]!).Select(v => (string?)v));
        Assert.False(string.IsNullOrEmpty((string?)cost["title"]));
        var page = File.ReadAllText(html);
        Assert.Contains("<h2 id=\"feedback\">Answer feedback</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<td>faq/cost</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>model-b, model-a</td>", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateWithADbThatDoesNotExistFailsBeforeCrossValidating()
    {
        var missing = Path.Combine(_fixture.Root, "typo", "chatbot.db");

        var run = Run("evaluate", "--db", missing);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"error: no feedback database at {missing}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Cross-validating", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void EvaluateFeedbackDaysIsChecked()
    {
        var run = Run("evaluate", "--feedback-days", "0");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--feedback-days must be between 1 and 365.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFeedbackTableListsEachEntrysVotesInClinicTime()
    {
        var row = new FeedbackRow("faq/cost", "How much does it cost?", 1, 3, 4, 0.25, new DateTimeOffset(2025, 5, 31, 14, 30, 0, TimeSpan.Zero), ["model-b", "model-a"]);
        var feedback = new FeedbackReport("chatbot.db", 30, default, default, 1, 3, 4, [row]);
        using var output = new StringWriter();

        new CliContext(output, TextWriter.Null, TimeProvider.System).CreateConsole().Write(ReportTables.Feedback(feedback));

        Assert.Contains("Answer feedback, last 30 days: 1 helpful, 3 not helpful", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"faq/cost\s+│\s+How much does it cost\?\s+│\s+1\s+│\s+3\s+│\s+25\.0 %\s+│\s+2025-05-31 09:30\s+│\s+model-b, model-a", output.ToString());
    }

    [Fact]
    public void EvaluateHumanOutputHasTables()
    {
        var run = Run("evaluate", "--folds", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Per intent", run.Output, StringComparison.Ordinal);
        Assert.Contains("Most confused pairs", run.Output, StringComparison.Ordinal);
        Assert.Contains("Out-of-scope recall", run.Output, StringComparison.Ordinal);

        // Without --db the bot's default database is read; where the bot never ran there is none, and the report is
        // still produced (a developer who ran the bot in this clone has one: then it is read instead).
        var root = Chatbot.Faq.FaqPaths.FindRepositoryRoot(Environment.CurrentDirectory)!;
        var defaultDb = Path.Combine(root, "src", "Chatbot", "App_Data", "chatbot.db");
        if (!File.Exists(defaultDb))
        {
            Assert.Contains($"no feedback database found at {defaultDb}", run.Error, StringComparison.Ordinal);
        }
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
