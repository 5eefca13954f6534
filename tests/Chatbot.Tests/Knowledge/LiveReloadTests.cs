using Chatbot.Faq.Publishing;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Knowledge;

/// <summary>The running bot follows edits of its data folder through the quality gate (one host per test, on the fixture data).</summary>
public sealed class LiveReloadTests
{
    private const string Question = LiveReloadFactory.ParkingQuestion;
    private const string OldAnswer = LiveReloadFactory.ParkingAnswer;

    [Fact]
    public async Task AnAnswerSavedInTheDataFolderIsServedWithoutARestart()
    {
        using var bot = await new LiveReloadFactory().StartAsync();
        Assert.Equal(OldAnswer, (await bot.AskAsync(Question)).Text);

        bot.Edit("clinic.json", "faq/parking", e => e["answer"] = "Park in the blue garage on Oak Street.");

        await bot.WaitForAnswerAsync(Question, "Park in the blue garage on Oak Street.");
        var report = bot.Publishing.LastReport!;
        Assert.Equal(PublishOutcome.Accepted, report.Outcome);
        Assert.Equal(PublishTrigger.DataFolderChange, report.Trigger);
        Assert.True(report.ModelReused);
        Assert.Equal(report.CurrentVersion, bot.Publishing.CurrentVersion!.Version);
        Assert.Contains(bot.Logs, l => l.Message.Contains("FAQ Publish accepted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewExampleIsTrainedServedAndThenCrossValidated()
    {
        using var bot = await new LiveReloadFactory().StartAsync();

        bot.Edit("clinic.json", "faq/parking", e =>
        {
            ((JArray)e["examples"]!).Add("can i leave my car in your lot");
            e["answer"] = "Use the lot behind the clinic.";
        });

        await bot.WaitForAnswerAsync(Question, "Use the lot behind the clinic.");
        await LiveReloadFactory.WaitUntilAsync(() => !bot.Publishing.IsBusy, "the background cross-validation");
        var history = bot.Publishing.History(2);
        Assert.Equal((PublishAction.Verify, PublishOutcome.Accepted), (history[0].Action, history[0].Outcome));
        Assert.Equal((PublishAction.Publish, PublishOutcome.Accepted), (history[1].Action, history[1].Outcome));
        Assert.True(history[1].CrossValidationPending);
        Assert.True(bot.Publishing.CurrentVersion!.CrossValidated);
        Assert.Equal("Use the lot behind the clinic.", (await bot.AskAsync("can i leave my car in your lot")).Text);
    }

    [Fact]
    public async Task AnAnswerEditRightAfterAnExampleEditIsServedAndTheFinalVersionIsCrossValidated()
    {
        using var bot = await new LiveReloadFactory().StartAsync();
        bot.Edit("clinic.json", "faq/parking", e => ((JArray)e["examples"]!).Add("can i leave my car in your lot"));
        await LiveReloadFactory.WaitUntilAsync(() => bot.Publishing.LastReport is { CrossValidationPending: true }, "the fast publish");

        bot.Edit("clinic.json", "faq/parking", e => e["answer"] = "Answer edited during the cross-validation.");

        await bot.WaitForAnswerAsync(Question, "Answer edited during the cross-validation.");
        await LiveReloadFactory.WaitUntilAsync(() => !bot.Publishing.IsBusy && bot.Publishing.CurrentVersion!.CrossValidated, "the cross-validation of the final version");
        Assert.Equal("Answer edited during the cross-validation.", (await bot.AskAsync(Question)).Text);
        Assert.Equal(bot.Publishing.CurrentVersion!.Version, new ModelVersionStore(bot.ModelFolder).ReadState()!.Current);
    }

    public static TheoryData<string, Action<LiveReloadFactory>, string> BadEdits => new()
    {
        {
            "malformed JSON",
            bot => File.WriteAllText(Path.Combine(bot.DataFolder, "clinic.json"), "{ \"topic\": \"Clinic\", \"entries\": [ { \"id\": \"faq/parking\", "),
            "faq-data/clinic.json:1:"
        },
        {
            "an example under two entries",
            bot => bot.Edit("clinic.json", "faq/cost", e => ((JArray)e["examples"]!).Add("where do i park")),
            "'where do i park' is listed under both"
        },
        {
            "a broken staff test",
            bot =>
            {
                // Swap the example questions of parking and cost (and change the answer): "where do i park" now means cost.
                JToken? parking = null, cost = null;
                bot.Edit("clinic.json", "faq/parking", e => parking = e["examples"]!.DeepClone());
                bot.Edit("clinic.json", "faq/cost", e => (cost, e["examples"]) = (e["examples"]!.DeepClone(), parking));
                bot.Edit("clinic.json", "faq/parking", e => (e["examples"], e["answer"]) = (cost, "Never served."));
            },
            "\"where do i park\" should get faq/parking"
        },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task ABadEditIsRefusedWithItsReasonAndTheOldAnswerKeepsServing(string what, Action<LiveReloadFactory> edit, string reason)
    {
        using var bot = await new LiveReloadFactory().StartAsync();
        var before = bot.Publishing.LastReport;
        var version = bot.Publishing.CurrentVersion!.Version;

        edit(bot);

        var report = await bot.NextReportAsync(before);
        Assert.True(report.Outcome == PublishOutcome.Rejected, $"{what}: {report}");
        Assert.Contains(report.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(version, bot.Publishing.CurrentVersion!.Version);
        Assert.Equal(OldAnswer, (await bot.AskAsync(Question)).Text);
        Assert.Contains(bot.Logs, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("FAQ Publish Rejected", StringComparison.Ordinal) && l.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RollbackFromTheStaffPageServesThePreviousVersionAgain()
    {
        using var bot = await new LiveReloadFactory().StartAsync();
        var first = bot.Publishing.CurrentVersion!.Version;
        bot.Edit("clinic.json", "faq/parking", e => e["answer"] = "A newer answer.");
        await bot.WaitForAnswerAsync(Question, "A newer answer.");

        var report = await bot.Publishing.RollbackAsync("ann@clinic", CancellationToken.None);

        Assert.Equal(PublishOutcome.RolledBack, report.Outcome);
        Assert.Equal(first, report.CurrentVersion);
        Assert.Equal("ann@clinic", report.User);
        Assert.Equal(OldAnswer, (await bot.AskAsync(Question)).Text);
        Assert.Equal(first, bot.Publishing.CurrentVersion!.Version);
        Assert.Equal(PublishOutcome.Failed, (await bot.Publishing.RollbackAsync("ann@clinic", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task APublishByTheCliIsPickedUpByTheRunningBot()
    {
        using var bot = await new LiveReloadFactory(settings: new Dictionary<string, string?> { ["Chatbot:Publishing:WatchDataFolder"] = "false" }).StartAsync();
        bot.Edit("clinic.json", "faq/parking", e => e["answer"] = "Published from the command line.");
        await Task.Delay(500);
        Assert.Equal(OldAnswer, (await bot.AskAsync(Question)).Text);

        var cli = new FaqPublisher(TimeProvider.System).Publish(bot.DataFolder, bot.ModelFolder, PublishTrigger.Cli, "cli-user");

        Assert.Equal(PublishOutcome.Accepted, cli.Report.Outcome);
        await bot.WaitForAnswerAsync(Question, "Published from the command line.");
        Assert.Equal("cli-user", bot.Publishing.CurrentVersion!.PublishedBy);
    }

    [Fact]
    public async Task ABotOnANetworkShareFollowsAnotherHostsPublishByPolling()
    {
        // Another host's write reaches this one without a file system notification: only polling sees it.
        using var bot = await new LiveReloadFactory(settings: new Dictionary<string, string?>
        {
            ["Chatbot:Publishing:WatchDataFolder"] = "false",
            ["Chatbot:Publishing:PollForChanges"] = "true",
            ["Chatbot:Publishing:PollInterval"] = "00:00:00.200",
        }).StartAsync();
        Assert.Contains(bot.Logs, l => l.Message.Contains("for changes every 00:00:00.2", StringComparison.Ordinal));
        bot.Edit("clinic.json", "faq/parking", e => e["answer"] = "Published on the other host.");

        var cli = new FaqPublisher(TimeProvider.System).Publish(bot.DataFolder, bot.ModelFolder, PublishTrigger.Cli, "other-host");

        Assert.Equal(PublishOutcome.Accepted, cli.Report.Outcome);
        await bot.WaitForAnswerAsync(Question, "Published on the other host.");
        Assert.Equal("other-host", bot.Publishing.CurrentVersion!.PublishedBy);
    }

    [Fact]
    public async Task AFullDiskIsReportedAndThePublishedVersionKeepsServing()
    {
        var disk = new FillableDisk();
        using var bot = await new LiveReloadFactory(
            settings: new Dictionary<string, string?> { ["Chatbot:Publishing:WatchDataFolder"] = "false" },
            services: FillableDisk.Replace(disk)).StartAsync();
        var version = bot.Publishing.CurrentVersion!.Version;
        bot.Edit("clinic.json", "faq/parking", e => e["answer"] = "Never saved.");
        disk.Full = true;

        var report = await bot.Publishing.PublishNowAsync("ann@clinic", CancellationToken.None);

        Assert.Equal(PublishOutcome.Failed, report.Outcome);
        Assert.Contains("the disk is full", report.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(OldAnswer, (await bot.AskAsync(Question)).Text);
        Assert.Equal(version, bot.Publishing.CurrentVersion!.Version);
        Assert.Equal(version, new ModelVersionStore(bot.ModelFolder).ReadState()!.Current);
    }

    [Fact]
    public void AnInvalidPublishingSettingStopsTheHostAtStart()
    {
        using var bot = new LiveReloadFactory(settings: new Dictionary<string, string?> { ["Chatbot:Publishing:MacroF1Tolerance"] = "2" });

        var ex = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains("MacroF1Tolerance", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestartServesThePublishedVersionNotAHalfEditedFolder()
    {
        string root;
        string published;
        using (var first = await new LiveReloadFactory().StartAsync())
        {
            first.KeepFolders = true;
            first.Edit("clinic.json", "faq/parking", e => e["answer"] = "The published answer.");
            await first.WaitForAnswerAsync(Question, "The published answer.");
            published = first.Publishing.CurrentVersion!.Version;
            root = first.Root;
        }

        try
        {
            File.WriteAllText(Path.Combine(root, "faq-data", "clinic.json"), "{ \"topic\": \"Clinic\", \"entries\": [ ");
            using var second = await new LiveReloadFactory(root).StartAsync();

            Assert.Equal("The published answer.", (await second.AskAsync(Question)).Text);
            Assert.Equal(published, second.Publishing.CurrentVersion!.Version);
            Assert.Equal(PublishOutcome.Rejected, second.Publishing.LastReport!.Outcome);
            Assert.Equal(PublishTrigger.Startup, second.Publishing.LastReport.Trigger);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
