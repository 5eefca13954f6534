using Chatbot.Faq.Publishing;
using Newtonsoft.Json.Linq;

namespace Chatbot.Faq.Tests.Publishing;

public sealed class FaqPublisherTests(PublishedFolder published) : IClassFixture<PublishedFolder>, IDisposable
{
    private readonly PublishedFolder.Copy _folder = published.CopyForTest();

    public void Dispose() => _folder.Dispose();

    private PublishResult Publish(FaqPublisher? publisher = null, PublishTrigger trigger = PublishTrigger.Cli) =>
        (publisher ?? PublishedFolder.Publisher()).Publish(_folder.DataFolder, _folder.ModelFolder, trigger, "ann");

    private string? Answer(string id) => PublishedFolder.Publisher().LoadCurrent(_folder.ModelFolder)!.Catalog.Find(id)?.Answer;

    private string Current => new ModelVersionStore(_folder.ModelFolder).ReadState()!.Current!;

    private void SetAnswer(string id, string answer) => PublishedFolder.Edit(_folder.DataFolder, "clinic.json", id, e => e["answer"] = answer);

    [Fact]
    public void TheFirstPublishIsCrossValidatedAcceptedAndRecorded()
    {
        var first = published.FirstReport;

        Assert.Equal(PublishOutcome.Accepted, first.Outcome);
        Assert.False(first.CrossValidationPending);
        Assert.True(first.After!.MacroF1 > 0.6, $"macro-F1 {first.After.MacroF1}");
        Assert.Equal(4, first.After.StaffTestsTotal);
        Assert.Equal(first.CurrentVersion, Current);
        var version = new ModelVersionStore(_folder.ModelFolder).VersionFolder(Current);
        Assert.True(File.Exists(Path.Combine(version, "model.zip")));
        Assert.True(File.Exists(Path.Combine(version, "faq-data", "clinic.json")));
        Assert.True(File.Exists(Path.Combine(version, "faq-data", "tests", "test-conversations.json")));
        Assert.Equal(first.Id, Assert.Single(PublishedFolder.Publisher().History(_folder.ModelFolder, 10)).Id);
    }

    [Fact]
    public void AnAnswerEditReusesTheModelAndPublishesTheNewAnswer()
    {
        var before = Current;
        SetAnswer("faq/parking", "Park in the blue garage.");

        var result = Publish();

        Assert.Equal(PublishOutcome.Accepted, result.Report.Outcome);
        Assert.True(result.Report.ModelReused);
        Assert.False(result.Report.CrossValidationPending);
        Assert.Equal(0, result.Report.Durations.CrossValidate);
        Assert.Equal(before, result.Report.PreviousVersion);
        Assert.Equal("Park in the blue garage.", result.Current!.Catalog.Find("faq/parking")!.Answer);
        Assert.Equal(result.Current.Version, result.Current.Classifier.ModelVersion);
        Assert.Equal("Park in the blue garage.", Answer("faq/parking"));
    }

    [Fact]
    public void PublishingTheSameContentAgainIsUnchangedAndNotRecorded()
    {
        var result = Publish();

        Assert.Equal(PublishOutcome.Unchanged, result.Report.Outcome);
        Assert.Null(result.Current);
        Assert.Single(PublishedFolder.Publisher().History(_folder.ModelFolder, 10));
    }

    [Fact]
    public void AnUpgradedPipelineRetrainsTheSameContentThroughTheWholeGate()
    {
        var before = Current;
        var upgraded = new Chatbot.Faq.Classification.IntentModelOptions { Folds = 3, L2Regularization = 0.02f };
        var publisher = new FaqPublisher(PublishedFolder.Clock, new FaqPublisherOptions { Gate = new() { MacroF1Tolerance = 0.05 } }, upgraded);

        var result = Publish(publisher);

        Assert.True(result.Report.Outcome == PublishOutcome.Accepted, string.Join("\n", result.Report.Reasons));
        Assert.False(result.Report.CrossValidationPending);
        Assert.Equal(before, result.Report.CurrentVersion);
        Assert.Equal(upgraded.Signature, result.Current!.Classifier.Metadata.PipelineSignature);
        Assert.Equal([before], new ModelVersionStore(_folder.ModelFolder).ReadState()!.Versions);
        Assert.Equal(PublishOutcome.Unchanged, Publish(publisher).Report.Outcome);
    }

    [Fact]
    public void MalformedJsonIsRejectedWithFileAndLineAndTheOldAnswerStays()
    {
        var before = Current;
        File.WriteAllText(Path.Combine(_folder.DataFolder, "clinic.json"), "{\n  \"topic\": \"Clinic\",\n  \"entries\": [\n");

        var result = Publish();

        Assert.Equal(PublishOutcome.Rejected, result.Report.Outcome);
        Assert.Null(result.Current);
        Assert.Contains(result.Report.Reasons, r => r.Contains("faq-data/clinic.json:", StringComparison.Ordinal) && r.Contains("error", StringComparison.Ordinal));
        Assert.Contains("keeps serving version", result.Report.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(before, Current);
        Assert.Equal("The approved answer for faq/parking.", Answer("faq/parking"));
        Assert.Equal(PublishOutcome.Rejected, PublishedFolder.Publisher().History(_folder.ModelFolder, 1)[0].Outcome);
    }

    [Fact]
    public void AnExampleUnderTwoEntriesIsRejectedWithTheValidatorsMessage()
    {
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/cost", e => ((JArray)e["examples"]!).Add("where do i park"));

        var result = Publish();

        Assert.Equal(PublishOutcome.Rejected, result.Report.Outcome);
        Assert.Contains(result.Report.Reasons, r => r.Contains("'where do i park' is listed under both", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEditThatBreaksAStaffTestIsRejectedAndNamesIt()
    {
        // Swap the example questions of two entries: "where do i park" now looks like a cost question.
        var examples = new Dictionary<string, JToken>();
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/parking", e => examples["parking"] = e["examples"]!.DeepClone());
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/cost", e => examples["cost"] = e["examples"]!.DeepClone());
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/parking", e => e["examples"] = examples["cost"]);
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/cost", e => e["examples"] = examples["parking"]);

        var result = Publish();

        Assert.Equal(PublishOutcome.Rejected, result.Report.Outcome);
        Assert.True(result.Report.CrossValidationPending is false);
        Assert.Contains(result.Report.Reasons, r => r.Contains("\"where do i park\" should get faq/parking", StringComparison.Ordinal));
        Assert.Equal(result.Report.PreviousVersion, Current);
    }

    [Fact]
    public void ARefusedEditIsNotTrainedAgainByAnotherInstanceThatSawTheSameSave()
    {
        // The edit of AnEditThatBreaksAStaffTestIsRejectedAndNamesIt: parking and cost swap their examples.
        var examples = new Dictionary<string, JToken>();
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/parking", e => examples["parking"] = e["examples"]!.DeepClone());
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/cost", e => examples["cost"] = e["examples"]!.DeepClone());
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/parking", e => e["examples"] = examples["cost"]);
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/cost", e => e["examples"] = examples["parking"]);
        var first = Publish(trigger: PublishTrigger.DataFolderChange);
        Assert.Equal(PublishOutcome.Rejected, first.Report.Outcome);

        // A second instance's watcher on the same folders: the same content against the same current version.
        var second = Publish(PublishedFolder.Publisher(), PublishTrigger.DataFolderChange);

        Assert.Equal(PublishOutcome.Unchanged, second.Report.Outcome);
        Assert.Contains(second.Report.Reasons, r => r.Contains("was refused at", StringComparison.Ordinal));
        Assert.Single(PublishedFolder.Publisher().History(_folder.ModelFolder, 20), r => r.Outcome == PublishOutcome.Rejected);

        // An explicit publish still runs the gate.
        Assert.Equal(PublishOutcome.Rejected, Publish(trigger: PublishTrigger.StaffPage).Report.Outcome);
    }

    [Fact]
    public void AMacroF1RegressionIsRejectedBeforePublishingWhenCrossValidationRunsFirst()
    {
        MixUpParkingAndCost();
        var publisher = PublishedFolder.Publisher(new FaqPublisherOptions { CrossValidateInBackground = false, Gate = new() { StaffTestTolerance = 100 } });

        var result = Publish(publisher);

        Assert.Equal(PublishOutcome.Rejected, result.Report.Outcome);
        Assert.Contains(result.Report.Reasons, r => r.Contains("Macro-F1 would drop from", StringComparison.Ordinal));
        Assert.True(result.Report.Durations.CrossValidate > 0);
        Assert.Equal(result.Report.PreviousVersion, Current);
    }

    [Fact]
    public void AMacroF1RegressionFoundByTheBackgroundCrossValidationRollsBack()
    {
        var before = Current;
        MixUpParkingAndCost();
        var publisher = PublishedFolder.Publisher(new FaqPublisherOptions { Gate = new() { StaffTestTolerance = 100 } });

        var fast = Publish(publisher);
        Assert.Equal(PublishOutcome.Accepted, fast.Report.Outcome);
        Assert.True(fast.Report.CrossValidationPending);
        Assert.Null(fast.Report.After!.MacroF1);
        Assert.NotEqual(before, Current);

        var verified = publisher.Verify(_folder.ModelFolder, "ann");

        Assert.Equal(PublishAction.Verify, verified.Report.Action);
        Assert.Equal(PublishOutcome.RolledBack, verified.Report.Outcome);
        Assert.Contains(verified.Report.Reasons, r => r.Contains("Macro-F1 would drop from", StringComparison.Ordinal));
        Assert.Equal(before, Current);
        Assert.Equal(before, verified.Current!.Version);
        Assert.Contains(fast.Report.CurrentVersion!, new ModelVersionStore(_folder.ModelFolder).ReadState()!.Withdrawn);

        // The bot does not publish withdrawn content again on its own; an explicit publish does (and is refused again here).
        Assert.Equal(PublishOutcome.Unchanged, Publish(publisher, PublishTrigger.DataFolderChange).Report.Outcome);
    }

    [Fact]
    public void AGoodExampleEditIsServedFirstAndConfirmedByTheBackgroundCrossValidation()
    {
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/parking", e => ((JArray)e["examples"]!).Add("where can i leave the car during my visit"));

        // One more example re-deals the folds: on 190 examples and 3 folds macro-F1 moves by up to ±0.03 from that alone.
        var publisher = PublishedFolder.Publisher(new FaqPublisherOptions { Gate = new() { MacroF1Tolerance = 0.05 } });

        var fast = Publish(publisher);
        var verified = publisher.Verify(_folder.ModelFolder, "ann");

        Assert.Equal(PublishOutcome.Accepted, fast.Report.Outcome);
        Assert.True(fast.Report.CrossValidationPending);
        Assert.False(fast.Report.ModelReused);
        Assert.True(verified.Report.Outcome == PublishOutcome.Accepted, string.Join("\n", verified.Report.Reasons));
        Assert.Equal(fast.Report.CurrentVersion, Current);
        Assert.True(new ModelVersionStore(_folder.ModelFolder).ReadInfo(Current).CrossValidated);
        Assert.True(verified.Current!.Classifier.Metadata.Metrics.Folds > 0);
        Assert.Equal(PublishOutcome.Unchanged, publisher.Verify(_folder.ModelFolder, "ann").Report.Outcome);
    }

    [Fact]
    public void ARetrainOnTopOfAnUnverifiedVersionIsComparedWithTheLastCrossValidatedOne()
    {
        var publisher = PublishedFolder.Publisher(new FaqPublisherOptions { Gate = new() { MacroF1Tolerance = 0.05 } });
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/parking", e => ((JArray)e["examples"]!).Add("where can i leave the car during my visit"));
        var first = Publish(publisher);
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/cost", e => ((JArray)e["examples"]!).Add("what will the whole course of treatment cost me"));

        var second = Publish(publisher);
        var verified = publisher.Verify(_folder.ModelFolder, "ann");

        Assert.True(first.Report.CrossValidationPending);
        Assert.True(second.Report.CrossValidationPending);
        Assert.Equal(0, second.Report.Durations.CrossValidate);
        Assert.True(verified.Report.Outcome == PublishOutcome.Accepted, string.Join("\n", verified.Report.Reasons));
        var reference = published.FirstReport.After!.MacroF1!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(verified.Report.Reasons, r => r.StartsWith($"Macro-F1 {reference} → ", StringComparison.Ordinal));
        Assert.Equal(second.Report.CurrentVersion, Current);
    }

    [Fact]
    public void RollbackRestoresThePreviousAnswersAndModel()
    {
        var first = Current;
        SetAnswer("faq/parking", "Version two.");
        var second = Publish().Report.CurrentVersion;

        var rollback = PublishedFolder.Publisher().Rollback(_folder.ModelFolder, PublishTrigger.Cli, "ann");

        Assert.Equal(PublishOutcome.RolledBack, rollback.Report.Outcome);
        Assert.Equal(second, rollback.Report.PreviousVersion);
        Assert.Equal(first, rollback.Report.CurrentVersion);
        Assert.Equal("The approved answer for faq/parking.", rollback.Current!.Catalog.Find("faq/parking")!.Answer);
        Assert.Equal(first, Current);
        var nothingLeft = PublishedFolder.Publisher().Rollback(_folder.ModelFolder, PublishTrigger.Cli, "ann");
        Assert.Equal(PublishOutcome.Failed, nothingLeft.Report.Outcome);
        Assert.Contains("no earlier published version", nothingLeft.Report.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(first, Current);
    }

    [Fact]
    public void AFullDiskFailsClearlyAndKeepsThePublishedVersion()
    {
        var before = Current;
        var disk = new ModelVersionStoreTests.FullDisk();
        SetAnswer("faq/parking", "Never published.");
        disk.Full = true;

        var result = Publish(PublishedFolder.Publisher(fileSystem: disk));

        Assert.Equal(PublishOutcome.Failed, result.Report.Outcome);
        Assert.Null(result.Current);
        Assert.Contains("the disk is full", result.Report.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("Nothing already published was changed", result.Report.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(before, Current);
        Assert.Equal("The approved answer for faq/parking.", Answer("faq/parking"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_folder.ModelFolder, "versions"), ".draft-*"));
    }

    [Fact]
    public async Task ConcurrentPublishesFromTwoProcessesRunOneAfterTheOther()
    {
        SetAnswer("faq/parking", "Published once.");

        var results = await Task.WhenAll(
            PublishedFolder.Publisher().PublishAsync(_folder.DataFolder, _folder.ModelFolder, PublishTrigger.Cli, "cli"),
            PublishedFolder.Publisher().PublishAsync(_folder.DataFolder, _folder.ModelFolder, PublishTrigger.StaffPage, "page"));

        Assert.Equal([PublishOutcome.Accepted, PublishOutcome.Unchanged], results.Select(r => r.Report.Outcome).Order());
        Assert.Equal("Published once.", Answer("faq/parking"));
    }

    /// <summary>Moves 8 of 15 example questions of faq/parking and faq/cost to the other entry.</summary>
    private void MixUpParkingAndCost()
    {
        var parking = new List<JToken>();
        var cost = new List<JToken>();
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/parking", e => parking.AddRange(e["examples"]!));
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/cost", e => cost.AddRange(e["examples"]!));
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/parking", e => e["examples"] = new JArray(parking.Skip(8).Concat(cost.Take(8))));
        PublishedFolder.Edit(_folder.DataFolder, "clinic.json", "faq/cost", e => e["examples"] = new JArray(cost.Skip(8).Concat(parking.Take(8))));
    }
}
