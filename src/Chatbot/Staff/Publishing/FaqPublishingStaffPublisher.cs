using Chatbot.Faq.Publishing;
using Chatbot.Knowledge;

namespace Chatbot.Staff.Publishing;

/// <summary>The staff page's publishing, done by the bot's publishing service (<see cref="IFaqPublishing"/>).</summary>
public sealed class FaqPublishingStaffPublisher(IFaqPublishing publishing) : IStaffPublisher
{
    /// <inheritdoc />
    public async Task<StaffPublishResult> PublishAsync(string user, CancellationToken cancellationToken) =>
        Map(await publishing.PublishNowAsync(user, cancellationToken));

    /// <inheritdoc />
    public async Task<StaffPublishResult> RollbackAsync(string user, CancellationToken cancellationToken) =>
        Map(await publishing.RollbackAsync(user, cancellationToken));

    /// <inheritdoc />
    public IReadOnlyList<StaffPublishResult> History(int count) => [.. publishing.History(count).Select(Map)];

    /// <summary>A publishing report as the staff page shows it.</summary>
    public static StaffPublishResult Map(PublishReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reasons = report.Reasons.ToList();
        if (report.CrossValidationPending)
        {
            reasons.Add("The new version already answers; its cross-validation runs in the background and rolls it back if the model got worse.");
        }

        return new StaffPublishResult(
            report.FinishedAt,
            report.User,
            report.Trigger switch
            {
                PublishTrigger.StaffPage => "staff page",
                PublishTrigger.DataFolderChange => "file change",
                PublishTrigger.Cli => "command line",
                PublishTrigger.Startup => "start-up",
                _ => "background check",
            },
            report.Outcome is PublishOutcome.Accepted or PublishOutcome.Unchanged or PublishOutcome.RolledBack,
            report.Outcome switch
            {
                PublishOutcome.Accepted => report.Action == PublishAction.Verify ? "verified" : "published",
                PublishOutcome.Rejected => "refused",
                PublishOutcome.Unchanged => "unchanged",
                PublishOutcome.RolledBack => "rolled back",
                _ => "failed",
            },
            reasons,
            Metrics(report.Before),
            Metrics(report.After),
            report.CurrentVersion);
    }

    private static StaffPublishMetrics? Metrics(PublishMetrics? metrics) =>
        metrics is null ? null : new StaffPublishMetrics(metrics.Accuracy, metrics.MacroF1, metrics.StaffTestsPassed, metrics.StaffTestsTotal);
}
