using System.Globalization;
using Chatbot.Conversation;
using Chatbot.Staff.Publishing;
using Chatbot.Clinic.Staff;

namespace Chatbot.Staff.Pages;

/// <summary><c>/staff/publish</c>: publish now, roll back, and the recent results with metrics before and after.</summary>
public sealed class PublishModel(IStaffPublisher publisher, IStaffAuditLog audit, ClinicClock clock, TimeProvider timeProvider) : StaffPageModel
{
    /// <summary>The recent results, newest first.</summary>
    public IReadOnlyList<StaffPublishResult> History { get; private set; } = [];

    /// <summary>Shows the results.</summary>
    public void OnGet() => History = publisher.History(20);

    /// <summary>Publishes the FAQ files as they are now.</summary>
    public Task OnPostPublishAsync(CancellationToken cancellationToken) =>
        RunAsync(StaffAuditActions.Publish, publisher.PublishAsync, cancellationToken);

    /// <summary>Goes back to the previously published version.</summary>
    public Task OnPostRollbackAsync(CancellationToken cancellationToken) =>
        RunAsync(StaffAuditActions.Rollback, publisher.RollbackAsync, cancellationToken);

    /// <summary>A 0-1 figure as a percentage, or a dash.</summary>
    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>Staff tests as passed/total, or a dash.</summary>
    public static string Tests(StaffPublishMetrics? metrics) =>
        metrics is { StaffTestsTotal: > 0 } m ? string.Create(CultureInfo.InvariantCulture, $"{m.StaffTestsPassed}/{m.StaffTestsTotal}") : "—";

    /// <summary>A time in the clinic's time zone.</summary>
    public string LocalTime(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task RunAsync(string action, Func<string, CancellationToken, Task<StaffPublishResult>> run, CancellationToken cancellationToken)
    {
        // Not cancelled with the request: a publish that has started finishes even if the browser gives up waiting.
        var result = await run(StaffName, CancellationToken.None);
        await audit.AppendAsync(new StaffAuditRecord(0, timeProvider.GetUtcNow(), StaffName, action, null, null, null, null,
            $"{result.Outcome}: {string.Join(" ", result.Reasons)}"), cancellationToken);
        if (result.Outcome == "unchanged")
        {
            Messages.Success = $"Nothing new to publish: {string.Join(" ", result.Reasons)}";
        }
        else if (result.Accepted)
        {
            Messages.Success = $"{(action == StaffAuditActions.Rollback ? "Rolled back" : "Published")}: {result.Outcome}. {string.Join(" ", result.Reasons)}";
        }
        else
        {
            Messages.Error = $"Not {(action == StaffAuditActions.Rollback ? "rolled back" : "published")} ({result.Outcome}): {string.Join(" ", result.Reasons)} The bot keeps answering with the current version.";
        }

        History = publisher.History(20);
    }
}
