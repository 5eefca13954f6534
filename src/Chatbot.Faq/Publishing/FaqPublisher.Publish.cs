using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>Publishing a data folder.</summary>
public sealed partial class FaqPublisher
{
    private PublishResult PublishLocked(ModelVersionStore store, RunContext run, string dataFolder, CancellationToken cancellationToken)
    {
        var fullDataFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataFolder));
        using var draft = store.CreateDraft(Path.GetFileName(fullDataFolder));
        store.CopyData(fullDataFolder, draft);
        var dataset = new FaqDatasetLoader().Load(draft.DataFolder);
        var tests = new TestConversationLoader().LoadFromDataFolder(draft.DataFolder);
        var issues = new FaqDatasetValidator(_timeProvider, _rules).Validate(dataset, tests);
        run.Candidate = dataset.ContentHash;
        run.Durations = run.Durations with { Validate = run.Lap() };
        var warnings = issues.Where(i => !i.IsError).Take(MaxListedIssues).Select(i => i.ToString()).ToList();
        var current = run.State?.Current;

        var refusal = CheckBeforeTraining(store, run, issues, fullDataFolder);
        if (refusal is not null)
        {
            return new PublishResult(refusal with { Warnings = warnings }, null);
        }

        var baseline = current is null ? null : TryLoad(store, current, out _);
        var candidate = BuildCandidate(store, run, dataset, baseline, cancellationToken);
        var staffTests = tests?.Tests ?? [];
        var candidateRun = StaffTestRunner.Run(_decider, new FaqCatalog(dataset.Entries), candidate.Classifier, staffTests);
        var baselineRun = baseline is null ? null : StaffTestRunner.Run(_decider, baseline.Catalog, baseline.Classifier, staffTests);
        run.Durations = run.Durations with { StaffTests = run.Lap() };

        var gate = new PublishGate(_options.Gate).Evaluate(
            new GateInput(candidate.CrossValidated ? candidate.Classifier.Metadata.Metrics.MacroF1 : null, candidateRun),
            baseline is null ? null : new GateInput(LastCrossValidatedMacroF1(store, run.State, baseline), baselineRun!));
        var before = baseline is null ? null : PublishMetrics.From(baseline.Classifier.Metadata.Metrics, baseline.Info.CrossValidated, baselineRun);
        var after = PublishMetrics.From(candidate.Classifier.Metadata.Metrics, candidate.CrossValidated, candidateRun);
        if (!gate.Accepted)
        {
            string[] headline = [Format($"The change was not published: the bot keeps serving version {PublishReport.Short(current)}.")];
            return new PublishResult(
                run.Report(_timeProvider, PublishOutcome.Rejected, [.. headline, .. gate.Reasons], before: before, after: after) with
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
        var report = run.Report(_timeProvider, PublishOutcome.Accepted, [.. how, .. gate.Reasons], published.Version, before, after) with
        {
            Warnings = warnings,
            ModelReused = candidate.ReusedFile is not null,
            CrossValidationPending = !candidate.CrossValidated,
        };
        return new PublishResult(report, published);
    }

    /// <summary>Validation errors, no change, or content a rollback withdrew: a report, or null to go on.</summary>
    private PublishReport? CheckBeforeTraining(ModelVersionStore store, RunContext run, IReadOnlyList<ValidationIssue> issues, string dataFolder)
    {
        var current = run.State?.Current;
        if (!Directory.Exists(dataFolder))
        {
            return run.Report(_timeProvider, PublishOutcome.Rejected, [Format(
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

            return run.Report(_timeProvider, PublishOutcome.Rejected, reasons);
        }

        if (current is not null && run.Candidate == current && !PipelineChanged(store, current))
        {
            return run.Report(_timeProvider, PublishOutcome.Unchanged, [Format($"The FAQ content is the same as the published version {PublishReport.Short(current)}: nothing to publish.")]);
        }

        var automatic = run.Trigger is PublishTrigger.DataFolderChange or PublishTrigger.Startup;
        if (automatic && run.State is { } state && state.Withdrawn.Contains(run.Candidate!))
        {
            return run.Report(_timeProvider, PublishOutcome.Unchanged, [Format(
                $"This content (version {PublishReport.Short(run.Candidate)}) was rolled back earlier, so it is not published again automatically. Edit the files, or publish explicitly from the staff page or with 'chatbot publish'.")]);
        }

        if (run.Trigger == PublishTrigger.Startup
            && store.ReadHistory(20).FirstOrDefault(r => r.Action == PublishAction.Publish && r.CandidateVersion == run.Candidate) is { Outcome: PublishOutcome.Rejected } refused
            && refused.PreviousVersion == current)
        {
            return run.Report(_timeProvider, PublishOutcome.Unchanged, [Format(
                $"This content (version {PublishReport.Short(run.Candidate)}) was refused at {refused.FinishedAt:u}; see that report. It is checked again when the files change or on an explicit publish.")]);
        }

        return null;
    }

    /// <summary>True when the current version was trained with another pipeline than this code's (an upgrade): it is retrained through the gate.</summary>
    private bool PipelineChanged(ModelVersionStore store, string version)
    {
        try
        {
            return store.ReadMetadata(version).PipelineSignature != _trainer.Options.Signature;
        }
        catch (IntentModelException)
        {
            return true;
        }
    }

    /// <summary>
    /// The macro-F1 to compare with: the baseline's, or, while its cross-validation is still pending (a newer publish
    /// interrupted it), that of the newest cross-validated version below it.
    /// </summary>
    private static double? LastCrossValidatedMacroF1(ModelVersionStore store, PublishedState? state, PublishedVersion baseline)
    {
        if (baseline.Info.CrossValidated)
        {
            return baseline.Classifier.Metadata.Metrics.MacroF1;
        }

        var versions = state?.Versions ?? [];
        for (var i = versions.ToList().LastIndexOf(baseline.Version) - 1; i >= 0; i--)
        {
            try
            {
                if (store.ReadInfo(versions[i]) is { CrossValidated: true, Metrics.MacroF1: { } macroF1 })
                {
                    return macroF1;
                }
            }
            catch (ModelVersionStoreException)
            {
                // A damaged older version: look further down.
            }
        }

        return null;
    }
}
