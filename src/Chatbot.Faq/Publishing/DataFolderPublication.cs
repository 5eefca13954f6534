using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using static Chatbot.Faq.Publishing.InvariantText;

namespace Chatbot.Faq.Publishing;

/// <summary>
/// Publishes a data folder, under the store's lock: snapshot → validate → train (or reuse) → staff tests and the gate
/// against the published version → save the version and make it current.
/// </summary>
internal sealed class DataFolderPublication(
    TimeProvider timeProvider,
    PublishGateOptions gateOptions,
    FaqValidationRules? rules,
    MessageDecider decider,
    CandidateTrainer candidates,
    PublishedVersionLoader versions)
{
    private const int MaxListedIssues = 20;

    public PublishResult Run(ModelVersionStore store, PublishRun run, string dataFolder, CancellationToken cancellationToken)
    {
        var fullDataFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataFolder));
        using var draft = store.CreateDraft(Path.GetFileName(fullDataFolder));
        store.CopyData(fullDataFolder, draft);
        var dataset = new FaqDatasetLoader().Load(draft.DataFolder);
        var tests = new TestConversationLoader().LoadFromDataFolder(draft.DataFolder);
        var issues = new FaqDatasetValidator(timeProvider, rules).Validate(dataset, tests);
        run.Candidate = dataset.ContentHash;
        run.Durations = run.Durations with { Validate = run.Lap() };
        var warnings = issues.Where(i => !i.IsError).Take(MaxListedIssues).Select(i => i.ToString()).ToList();
        var current = run.State?.Current;

        var refusal = CheckBeforeTraining(store, run, issues, fullDataFolder);
        if (refusal is not null)
        {
            return new PublishResult(refusal with { Warnings = warnings }, null);
        }

        var baseline = current is null ? null : versions.TryLoad(store, current, out _);
        var candidate = candidates.Build(store, run, dataset, baseline, cancellationToken);
        var staffTests = tests?.Tests ?? [];
        var candidateRun = StaffTestRunner.Run(decider, new FaqCatalog(dataset.Entries), candidate.Classifier, staffTests);
        var baselineRun = baseline is null ? null : StaffTestRunner.Run(decider, baseline.Catalog, baseline.Classifier, staffTests);
        run.Durations = run.Durations with { StaffTests = run.Lap() };

        var gate = new PublishGate(gateOptions).Evaluate(
            new GateInput(candidate.CrossValidated ? candidate.Classifier.Metadata.Metrics.MacroF1 : null, candidateRun),
            baseline is null ? null : new GateInput(VersionLineage.LastCrossValidatedMacroF1(store, run.State, baseline), baselineRun!));
        var before = baseline is null ? null : PublishMetrics.From(baseline.Classifier.Metadata.Metrics, baseline.Info.CrossValidated, baselineRun);
        var after = PublishMetrics.From(candidate.Classifier.Metadata.Metrics, candidate.CrossValidated, candidateRun);
        if (!gate.Accepted)
        {
            string[] headline = [Format($"The change was not published: the bot keeps serving version {PublishReport.Short(current)}.")];
            return new PublishResult(
                run.Report(timeProvider, PublishOutcome.Rejected, [.. headline, .. gate.Reasons], before: before, after: after) with
                {
                    Warnings = warnings,
                    ModelReused = candidate.ReusedFile is not null,
                },
                null);
        }

        var published = Save(store, run, draft, dataset, candidate, after);
        string[] how = candidate.ReusedFile is null
            ? [candidate.CrossValidated
                ? "The model was retrained and cross-validated before publishing."
                : "The model was retrained and published after validation and the staff tests; cross-validation follows in the background."]
            : ["Only answers, titles or other fields the model does not learn from changed: the published model was reused without training."];
        var report = run.Report(timeProvider, PublishOutcome.Accepted, [.. how, .. gate.Reasons], published.Version, before, after) with
        {
            Warnings = warnings,
            ModelReused = candidate.ReusedFile is not null,
            CrossValidationPending = !candidate.CrossValidated,
        };
        return new PublishResult(report, published);
    }

    /// <summary>Validation errors, no change, or content a rollback withdrew: a report, or null to go on.</summary>
    private PublishReport? CheckBeforeTraining(ModelVersionStore store, PublishRun run, IReadOnlyList<ValidationIssue> issues, string dataFolder)
    {
        var current = run.State?.Current;
        if (!Directory.Exists(dataFolder))
        {
            return run.Report(timeProvider, PublishOutcome.Rejected, [Format(
                $"The data folder {dataFolder} does not exist, so nothing was published and the bot keeps serving version {PublishReport.Short(current)}.")]);
        }

        var errors = issues.Where(i => i.IsError).ToList();
        if (errors.Count > 0)
        {
            var reasons = new List<string>
            {
                Format($"The FAQ data in {dataFolder} has {errors.Count} error(s), so nothing was published and the bot keeps serving version {PublishReport.Short(current)}. Fix these (or run 'chatbot validate'):"),
            };
            reasons.AddRange(errors.Take(MaxListedIssues).Select(e => "  " + e));
            if (errors.Count > MaxListedIssues)
            {
                reasons.Add(Format($"  … and {errors.Count - MaxListedIssues} more."));
            }

            return run.Report(timeProvider, PublishOutcome.Rejected, reasons);
        }

        if (current is not null && run.Candidate == current && !candidates.PipelineChanged(store, current))
        {
            return run.Report(timeProvider, PublishOutcome.Unchanged, [Format($"The FAQ content is the same as the published version {PublishReport.Short(current)}: nothing to publish.")]);
        }

        var automatic = run.Trigger is PublishTrigger.DataFolderChange or PublishTrigger.Startup;
        if (automatic && run.State is { } state && state.Withdrawn.Contains(run.Candidate!))
        {
            return run.Report(timeProvider, PublishOutcome.Unchanged, [Format(
                $"This content (version {PublishReport.Short(run.Candidate)}) was rolled back earlier, so it is not published again automatically. Edit the files, or publish explicitly from the staff page or with 'chatbot publish'.")]);
        }

        // The same content already refused against the same current version is not trained again by itself: at start-up,
        // and on a file change (another instance on the same folders saw the same save and ran the gate already).
        if (automatic
            && store.ReadHistory(20).FirstOrDefault(r => r.Action == PublishAction.Publish && r.CandidateVersion == run.Candidate) is { Outcome: PublishOutcome.Rejected } refused
            && refused.PreviousVersion == current)
        {
            return run.Report(timeProvider, PublishOutcome.Unchanged, [Format(
                $"This content (version {PublishReport.Short(run.Candidate)}) was refused at {refused.FinishedAt:u}; see that report. It is checked again when the files change or on an explicit publish.")]);
        }

        return null;
    }

    private PublishedVersion Save(ModelVersionStore store, PublishRun run, VersionDraft draft, FaqDataset dataset, PublishCandidate candidate, PublishMetrics after)
    {
        var classifier = candidate.Classifier;
        if (candidate.ReusedFile is { } file)
        {
            store.CopyModel(draft, file, classifier.Metadata);
        }
        else
        {
            classifier = new IntentClassifier(classifier.Model, store.WriteModel(draft, classifier.Model, classifier.Metadata));
        }

        var info = new VersionInfo
        {
            Version = run.Candidate!,
            TrainingHash = candidate.TrainingHash,
            PublishedAt = timeProvider.GetUtcNow(),
            PublishedBy = run.User,
            Trigger = run.Trigger,
            DataFolderName = draft.DataFolderName,
            CrossValidated = candidate.CrossValidated,
            BaselineVersion = run.State?.Current,
            Metrics = after,
        };
        store.WriteInfo(draft, info);
        store.Commit(draft, info.Version);
        store.SetCurrent(info.Version, run.User, info.PublishedAt);
        run.Durations = run.Durations with { Save = run.Lap() };
        var published = new PublishedVersion(info.Version, new FaqCatalog(dataset.Entries), classifier, info);
        versions.Remember(store, published);
        return published;
    }
}
