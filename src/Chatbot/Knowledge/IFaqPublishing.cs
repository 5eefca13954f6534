using Chatbot.Faq.Publishing;

namespace Chatbot.Knowledge;

/// <summary>
/// Publishing the FAQ from the running bot, for the staff page: publish now, roll back, and the results. Every call is
/// queued behind any publish already running (one at a time, in this process and across processes); the bot keeps
/// serving the current version throughout, and a refused or failed publish leaves it serving.
/// </summary>
public interface IFaqPublishing
{
    /// <summary>
    /// Publishes the data folder now: validate → train (or reuse the model when only answers changed) → staff tests
    /// and macro-F1 against the current version → swap. Returns when the new version serves (or was refused).
    /// </summary>
    /// <param name="user">The staff member, recorded in the history.</param>
    /// <param name="cancellationToken">Stops waiting (the publish itself goes on).</param>
    /// <returns>
    /// The report. When <see cref="PublishReport.CrossValidationPending"/> is true the new version already serves and the
    /// cross-validation runs in the background; its own report (<see cref="PublishAction.Verify"/>: accepted, or
    /// rolled back) then becomes <see cref="LastReport"/>.
    /// </returns>
    Task<PublishReport> PublishNowAsync(string user, CancellationToken cancellationToken);

    /// <summary>Makes the previously published version current again (answers and model together).</summary>
    /// <param name="user">The staff member, recorded in the history.</param>
    /// <param name="cancellationToken">Stops waiting (the rollback itself goes on).</param>
    /// <returns>The report: <see cref="PublishOutcome.RolledBack"/>, or <see cref="PublishOutcome.Failed"/> when there is nothing to roll back to.</returns>
    Task<PublishReport> RollbackAsync(string user, CancellationToken cancellationToken);

    /// <summary>The newest report of this process (including "unchanged" ones), or else the newest in the history; null when none.</summary>
    PublishReport? LastReport { get; }

    /// <summary>The newest <paramref name="count"/> reports from <c>publish-history.jsonl</c>, newest first (includes CLI publishes).</summary>
    IReadOnlyList<PublishReport> History(int count);

    /// <summary>The version the bot serves now (who published it, when, its figures); null while nothing published is served.</summary>
    VersionInfo? CurrentVersion { get; }

    /// <summary>True while a publish, cross-validation or rollback is running or queued.</summary>
    bool IsBusy { get; }

    /// <summary>Raised (on a background thread) after every publish, verification or rollback, with its report.</summary>
    event EventHandler<PublishReport>? ReportAdded;
}
