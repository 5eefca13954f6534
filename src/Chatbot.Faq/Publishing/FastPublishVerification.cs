using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using static Chatbot.Faq.Publishing.InvariantText;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// The background cross-validation of a fast publish, under the store's lock: sets the thresholds and figures of the
/// current version, or rolls back to the version below when macro-F1 or the staff tests regressed beyond the tolerance.
/// </summary>
internal sealed class FastPublishVerification(
    TimeProvider timeProvider,
    PublishGateOptions gateOptions,
    MessageDecider decider,
    CandidateTrainer candidates,
    PublishedVersionLoader versions)
{
    public PublishResult Run(ModelVersionStore store, PublishRun run, CancellationToken cancellationToken)
    {
        var current = run.State?.Current;
        run.Candidate = current;
        if (current is null || store.ReadInfo(current) is { CrossValidated: true })
        {
            return new PublishResult(run.Report(timeProvider, PublishOutcome.Unchanged, ["The current version is already cross-validated: nothing to verify."]), null);
        }

        var version = versions.Load(store, current);
        var snapshot = store.DataFolderOf(current, version.Info);
        var examples = new FaqDatasetLoader().Load(snapshot).Examples.Select(e => new LabeledText(e.Text, e.Intent)).ToList();
        var old = version.Classifier.Metadata;
        var (evaluation, kept) = candidates.CrossValidate(examples, old.Thresholds, cancellationToken);
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
        var candidateRun = StaffTestRunner.Run(decider, version.Catalog, classifier, tests);
        var baselineId = VersionLineage.OtherModelBelow(store, run.State!, version.Info.TrainingHash);
        var baseline = baselineId is null ? null : versions.TryLoad(store, baselineId, out _);
        var baselineRun = baseline is null ? null : StaffTestRunner.Run(decider, baseline.Catalog, baseline.Classifier, tests);
        run.Durations = run.Durations with { StaffTests = run.Lap() };
        var gate = new PublishGate(gateOptions).Evaluate(
            new GateInput(metadata.Metrics.MacroF1, candidateRun),
            baseline is null ? null : new GateInput(VersionLineage.LastCrossValidatedMacroF1(store, run.State, baseline), baselineRun!));
        var before = baseline is null ? null : PublishMetrics.From(baseline.Classifier.Metadata.Metrics, baseline.Info.CrossValidated, baselineRun);
        var after = PublishMetrics.From(metadata.Metrics, crossValidated: true, candidateRun);
        var thresholds = Format($"answer ≥ {metadata.Thresholds.Answer:0.00}, did-you-mean ≥ {metadata.Thresholds.Clarify:0.00}")
            + (kept ? ", kept because they still meet the targets" : ", chosen on this cross-validation");

        if (gate.Accepted || baseline is null)
        {
            var info = version.Info with { CrossValidated = true, Metrics = after };
            store.UpdateVersion(current, metadata, info, run.User, timeProvider.GetUtcNow());
            run.Durations = run.Durations with { Save = run.Lap() };
            var verified = versions.Remember(store, version with { Classifier = classifier, Info = info });
            string[] headline = [Format($"Cross-validation confirmed version {PublishReport.Short(current)}; it keeps serving ({thresholds}).")];
            return new PublishResult(run.Report(timeProvider, PublishOutcome.Accepted, [.. headline, .. gate.Reasons], current, before, after), verified);
        }

        PublishedState state;
        do
        {
            state = store.Rollback(run.User, timeProvider.GetUtcNow());
        }
        while (state.Current != baseline.Version && state.Previous is not null);

        run.Durations = run.Durations with { Save = run.Lap() };
        string[] rolledBack = [Format(
            $"Cross-validation found that version {PublishReport.Short(current)} is worse than {PublishReport.Short(state.Current)} ({thresholds}), so {PublishReport.Short(state.Current)} is serving again (automatic rollback):")];
        return new PublishResult(
            run.Report(timeProvider, PublishOutcome.RolledBack, [.. rolledBack, .. gate.Reasons], state.Current, before, after),
            baseline);
    }
}
