using Chatbot.Faq.Publishing;

namespace Chatbot.Knowledge;

/// <summary>The log messages of FAQ publishing in the running bot (source-generated).</summary>
internal static partial class FaqPublishingLog
{
    /// <summary>Logs a report: accepted at information, nothing to do at debug, anything else (refused, failed, rolled back) as a warning.</summary>
    public static void Report(ILogger logger, PublishReport report)
    {
        var versions = $"{PublishReport.Short(report.PreviousVersion)} → {PublishReport.Short(report.CurrentVersion)}";
        switch (report.Outcome)
        {
            case PublishOutcome.Accepted:
                Accepted(logger, report.Action, versions, report.User, report.Trigger, report.Durations.Total, report.ModelReused, report.CrossValidationPending,
                    report.After?.MacroF1, report.After?.StaffTestsPassed ?? 0, report.After?.StaffTestsTotal ?? 0);
                break;
            case PublishOutcome.Unchanged:
                Unchanged(logger, report.Action, report.Trigger, report.Reasons.FirstOrDefault() ?? string.Empty);
                break;
            default:
                // Reasons name FAQ files, entries and staff test questions (staff-authored), never patient messages.
                NotPublished(logger, report.Action, report.Outcome, versions, report.User, report.Trigger, string.Join("\n", report.Reasons));
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ {Action} accepted: {Versions} by {User} via {Trigger} in {Seconds:0.00} s (model reused: {Reused}, cross-validation pending: {Pending}, macro-F1 {MacroF1:0.000}, staff tests {Passed}/{Total})")]
    public static partial void Accepted(ILogger logger, PublishAction action, string versions, string user, PublishTrigger trigger, double seconds, bool reused, bool pending, double? macroF1, int passed, int total);

    [LoggerMessage(Level = LogLevel.Debug, Message = "FAQ {Action} via {Trigger}: nothing to do ({Reason})")]
    public static partial void Unchanged(ILogger logger, PublishAction action, PublishTrigger trigger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ {Action} {Outcome}: {Versions} by {User} via {Trigger}; the bot serves the version on the right. Reasons:\n{Reasons}")]
    public static partial void NotPublished(ILogger logger, PublishAction action, PublishOutcome outcome, string versions, string user, PublishTrigger trigger, string reasons);

    [LoggerMessage(Level = LogLevel.Information, Message = "The cross-validation of FAQ version {Version} was interrupted by a newer publish or rollback; it runs again afterwards on the version then current")]
    public static partial void VerificationInterrupted(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ version {Version} picked up from published.json (published by {User} via {Trigger}, cross-validated: {CrossValidated})")]
    public static partial void PickedUp(ILogger logger, string version, string user, PublishTrigger trigger, bool crossValidated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "published.json changed but its current version cannot be served; the bot keeps serving what it had: {Problem}")]
    public static partial void SyncFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The publish history cannot be read: {Problem}")]
    public static partial void HistoryUnreadable(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "FAQ publishing work {Kind} failed; the bot keeps serving the current version")]
    public static partial void WorkFailed(ILogger logger, string kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A ReportAdded listener failed")]
    public static partial void ListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ live reload: watching {DataFolder}: {WatchData}; following {ModelFolder}/published.json (polling: {Polling})")]
    public static partial void Watching(ILogger logger, string dataFolder, bool watchData, string modelFolder, bool polling);
}
