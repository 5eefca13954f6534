using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>The background cross-validation of a fast publish, and rollback.</summary>
public sealed partial class FaqPublisher
{
    private PublishResult VerifyLocked(ModelVersionStore store, RunContext run, CancellationToken cancellationToken)
    {
        var current = run.State?.Current;
        run.Candidate = current;
        if (current is null || store.ReadInfo(current) is { CrossValidated: true })
        {
            return new PublishResult(run.Report(_timeProvider, PublishOutcome.Unchanged, ["The current version is already cross-validated: nothing to verify."]), null);
        }

        var version = Load(store, current);
        var snapshot = store.DataFolderOf(current, version.Info);
        var examples = new FaqDatasetLoader().Load(snapshot).Examples.Select(e => new LabeledText(e.Text, e.Intent)).ToList();
        var old = version.Classifier.Metadata;
        var (evaluation, kept) = CrossValidate(examples, old.Thresholds, cancellationToken);
        var cvSeconds = run.Lap();
        run.Durations = run.Durations with { CrossValidate = cvSeconds };
        var metadata = old with
        {
            Thresholds = evaluation.Thresholds,
            FastThresholds = version.Classifier.Model.HasFastStage ? evaluation.FastThresholds ?? old.FastThresholds : null,
            Metrics = ModelMetrics.From(evaluation),
            TrainingSeconds = Math.Round(old.TrainingSeconds + cvSeconds, 2),
        };
        var classifier = new IntentClassifier(version.Classifier.Model, metadata);

        // Compare with the newest version that has another model: answer-only versions on top share this one.
        var tests = new TestConversationLoader().LoadFromDataFolder(snapshot)?.Tests ?? [];
        var candidateRun = StaffTestRunner.Run(_decider, version.Catalog, classifier, tests);
        var baselineId = OtherModelBelow(store, run.State!, version.Info.TrainingHash);
        var baseline = baselineId is null ? null : TryLoad(store, baselineId, out _);
        var baselineRun = baseline is null ? null : StaffTestRunner.Run(_decider, baseline.Catalog, baseline.Classifier, tests);
        run.Durations = run.Durations with { StaffTests = run.Lap() };
        var gate = new PublishGate(_options.Gate).Evaluate(
            new GateInput(metadata.Metrics.MacroF1, candidateRun),
            baseline is null ? null : new GateInput(LastCrossValidatedMacroF1(store, run.State, baseline), baselineRun!));
        var before = baseline is null ? null : PublishMetrics.From(baseline.Classifier.Metadata.Metrics, baseline.Info.CrossValidated, baselineRun);
        var after = PublishMetrics.From(metadata.Metrics, crossValidated: true, candidateRun);
        var thresholds = Format($"answer ≥ {metadata.Thresholds.Answer:0.00}, did-you-mean ≥ {metadata.Thresholds.Clarify:0.00}")
            + (kept ? ", kept because they still meet the targets" : ", chosen on this cross-validation");

        if (gate.Accepted || baseline is null)
        {
            var info = version.Info with { CrossValidated = true, Metrics = after };
            store.UpdateVersion(current, metadata, info, run.User, _timeProvider.GetUtcNow());
            run.Durations = run.Durations with { Save = run.Lap() };
            var verified = Remember(store, version with { Classifier = classifier, Info = info });
            string[] headline = [Format($"Cross-validation confirmed version {PublishReport.Short(current)}; it keeps serving ({thresholds}).")];
            return new PublishResult(run.Report(_timeProvider, PublishOutcome.Accepted, [.. headline, .. gate.Reasons], current, before, after), verified);
        }

        PublishedState state;
        do
        {
            state = store.Rollback(run.User, _timeProvider.GetUtcNow());
        }
        while (state.Current != baseline.Version && state.Previous is not null);

        run.Durations = run.Durations with { Save = run.Lap() };
        string[] rolledBack = [Format(
            $"Cross-validation found that version {PublishReport.Short(current)} is worse than {PublishReport.Short(state.Current)} ({thresholds}), so {PublishReport.Short(state.Current)} is serving again (automatic rollback):")];
        return new PublishResult(
            run.Report(_timeProvider, PublishOutcome.RolledBack, [.. rolledBack, .. gate.Reasons], state.Current, before, after),
            baseline);
    }

    /// <summary>The newest version below the current one whose model differs (another <see cref="VersionInfo.TrainingHash"/>).</summary>
    private static string? OtherModelBelow(ModelVersionStore store, PublishedState state, string trainingHash)
    {
        for (var i = state.Versions.Count - 2; i >= 0; i--)
        {
            try
            {
                if (store.ReadInfo(state.Versions[i]).TrainingHash != trainingHash)
                {
                    return state.Versions[i];
                }
            }
            catch (ModelVersionStoreException)
            {
                // A damaged older version cannot be compared with or rolled back to: look further down.
            }
        }

        return null;
    }

    private PublishResult RollbackLocked(ModelVersionStore store, RunContext run)
    {
        var state = run.State;
        if (state?.Previous is not { } previous)
        {
            return new PublishResult(run.Report(_timeProvider, PublishOutcome.Failed, [state?.Current is null
                ? "Nothing has been published yet, so there is nothing to roll back."
                : "There is no earlier published version to roll back to (only the current one is kept)."]), null);
        }

        var current = state.Current!;
        run.Candidate = previous;
        var target = Load(store, previous);
        var from = store.Exists(current) ? store.ReadInfo(current) : null;
        store.Rollback(run.User, _timeProvider.GetUtcNow());
        run.Durations = run.Durations with { Save = run.Lap() };
        var reasons = new[]
        {
            Format($"Rolled back from version {PublishReport.Short(current)}{Describe(from)} to version {PublishReport.Short(previous)}{Describe(target.Info)}."),
            "The data folder may still hold the withdrawn content: the bot does not publish it again by itself. Edit the files, or publish explicitly, to publish again.",
        };
        return new PublishResult(run.Report(_timeProvider, PublishOutcome.RolledBack, reasons, previous, from?.Metrics, target.Info.Metrics), target);
    }

    private static string Describe(VersionInfo? info) =>
        info is null ? string.Empty : Format($" (published {info.PublishedAt:u} by {info.PublishedBy})");
}
