using static Chatbot.Faq.Publishing.InvariantText;

namespace Chatbot.Faq.Publishing;

/// <summary>A rollback a person asked for, under the store's lock: the previously published version becomes current again.</summary>
internal sealed class ManualRollback(TimeProvider timeProvider, PublishedVersionLoader versions)
{
    public PublishResult Run(ModelVersionStore store, PublishRun run)
    {
        var state = run.State;
        if (state?.Previous is not { } previous)
        {
            return new PublishResult(run.Report(timeProvider, PublishOutcome.Failed, [state?.Current is null
                ? "Nothing has been published yet, so there is nothing to roll back."
                : "There is no earlier published version to roll back to (only the current one is kept)."]), null);
        }

        var current = state.Current!;
        run.Candidate = previous;
        var target = versions.Load(store, previous);
        var from = store.Exists(current) ? store.ReadInfo(current) : null;
        store.Rollback(run.User, timeProvider.GetUtcNow());
        run.Durations = run.Durations with { Save = run.Lap() };
        var reasons = new[]
        {
            Format($"Rolled back from version {PublishReport.Short(current)}{Describe(from)} to version {PublishReport.Short(previous)}{Describe(target.Info)}."),
            "The data folder may still hold the withdrawn content: the bot does not publish it again by itself. Edit the files, or publish explicitly, to publish again.",
        };
        return new PublishResult(run.Report(timeProvider, PublishOutcome.RolledBack, reasons, previous, from?.Metrics, target.Info.Metrics), target);
    }

    private static string Describe(VersionInfo? info) =>
        info is null ? string.Empty : Format($" (published {info.PublishedAt:u} by {info.PublishedBy})");
}
