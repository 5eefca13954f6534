using Chatbot.Faq.Classification;
using Chatbot.Faq.Publishing;

namespace Chatbot.Knowledge;

/// <summary>The one-at-a-time work queue.</summary>
public sealed partial class FaqPublishingService
{
    private enum WorkKind
    {
        Publish,
        Verify,
        Rollback,

        /// <summary>Serve what <c>published.json</c> names, if it is not what is served (a CLI publish or rollback).</summary>
        Sync,
    }

    /// <summary>
    /// Queues work; a publish (or sync) request joins one that is already waiting, so a burst of requests runs once on
    /// the latest files (latest wins). An explicit request upgrades a waiting automatic one's trigger and user.
    /// </summary>
    private Task<PublishReport?> Enqueue(WorkKind kind, PublishTrigger trigger, string user)
    {
        lock (_lock)
        {
            if (kind is WorkKind.Publish or WorkKind.Rollback)
            {
                // Staff should not wait for a background cross-validation: interrupt it; it runs again afterwards
                // on whatever is current then.
                _verification?.Cancel();
            }

            if (kind is WorkKind.Publish or WorkKind.Sync && _queue.LastOrDefault() is { } waiting && waiting.Kind == kind)
            {
                if (trigger != PublishTrigger.DataFolderChange)
                {
                    waiting.Trigger = trigger;
                    waiting.User = user;
                }

                return waiting.Completion.Task;
            }

            var item = new WorkItem(kind, trigger, user);
            _queue.Add(item);
            _worker ??= Task.Run(DrainAsync);
            return item.Completion.Task;
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            WorkItem item;
            lock (_lock)
            {
                if (_queue.Count == 0 || _stopping.IsCancellationRequested)
                {
                    foreach (var dropped in _queue)
                    {
                        dropped.Completion.TrySetCanceled();
                    }

                    _queue.Clear();
                    _worker = null;
                    _running = false;
                    return;
                }

                item = _queue[0];
                _queue.RemoveAt(0);
                _running = true;
            }

            try
            {
                var result = await RunAsync(item);
                if (result is not null)
                {
                    Record(result);
                }

                if (item.Kind is WorkKind.Publish or WorkKind.Rollback || result?.Report.Outcome == PublishOutcome.RolledBack)
                {
                    VerifyCurrentLater(item.User);
                }

                item.Completion.TrySetResult(result?.Report);
            }
            catch (OperationCanceledException) when (item.Kind == WorkKind.Verify && !_stopping.IsCancellationRequested)
            {
                Log.VerificationInterrupted(logger, PublishReport.Short(_currentVersion?.Version));
                item.Completion.TrySetResult(null);
            }
            catch (OperationCanceledException)
            {
                item.Completion.TrySetCanceled();
            }
            catch (Exception ex)
            {
                // The publisher turns failures into reports; this is a bug. Keep serving, keep the queue alive.
                Log.WorkFailed(logger, item.Kind.ToString(), ex);
                item.Completion.TrySetException(ex);
            }
        }
    }

    private async Task<PublishResult?> RunAsync(WorkItem item)
    {
        var token = _stopping.Token;
        switch (item.Kind)
        {
            case WorkKind.Publish:
                return await publisher.PublishAsync(folders.DataFolder, folders.ModelFolder, item.Trigger, item.User, token);
            case WorkKind.Verify:
                return await VerifyAsync(item.User, token);
            case WorkKind.Rollback:
                return await publisher.RollbackAsync(folders.ModelFolder, item.Trigger, item.User, token);
            default:
                await Task.Factory.StartNew(Sync, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                return null;
        }
    }

    /// <summary>Cross-validates the current version if it is not yet; a publish or rollback request interrupts it.</summary>
    private async Task<PublishResult?> VerifyAsync(string user, CancellationToken stopping)
    {
        using var verification = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        lock (_lock)
        {
            if (_queue.Any(w => w.Kind is WorkKind.Publish or WorkKind.Rollback))
            {
                // Something newer is waiting: it goes first, and schedules the verification again.
                return null;
            }

            _verification = verification;
        }

        try
        {
            var verified = await publisher.VerifyAsync(folders.ModelFolder, user, verification.Token);
            return verified.Report.Outcome == PublishOutcome.Unchanged ? null : verified;
        }
        finally
        {
            lock (_lock)
            {
                _verification = null;
            }
        }
    }

    /// <summary>Queues a cross-validation of the current version when it has none yet (after anything waiting).</summary>
    private void VerifyCurrentLater(string user)
    {
        lock (_lock)
        {
            if (_currentVersion is { CrossValidated: false } && !_queue.Any(w => w.Kind == WorkKind.Verify))
            {
                _queue.Add(new WorkItem(WorkKind.Verify, PublishTrigger.BackgroundVerification, user));
            }
        }
    }

    /// <summary>Serves the current version of <c>published.json</c> when another process (the CLI) changed it.</summary>
    private void Sync()
    {
        try
        {
            var current = publisher.LoadCurrent(folders.ModelFolder);
            if (current is not null && !ReferenceEquals(current.Classifier, provider.Current?.Classifier))
            {
                Serve(current);
                Log.PickedUp(logger, PublishReport.Short(current.Version), current.Info.PublishedBy, current.Info.Trigger, current.Info.CrossValidated);
            }
        }
        catch (Exception ex) when (ex is ModelVersionStoreException or IntentModelException)
        {
            Log.SyncFailed(logger, ex.Message);
        }
    }

    private void LogReport(PublishReport report)
    {
        var versions = $"{PublishReport.Short(report.PreviousVersion)} → {PublishReport.Short(report.CurrentVersion)}";
        switch (report.Outcome)
        {
            case PublishOutcome.Accepted:
                Log.Accepted(logger, report.Action, versions, report.User, report.Trigger, report.Durations.Total, report.ModelReused, report.CrossValidationPending,
                    report.After?.MacroF1, report.After?.StaffTestsPassed ?? 0, report.After?.StaffTestsTotal ?? 0);
                break;
            case PublishOutcome.Unchanged:
                Log.Unchanged(logger, report.Action, report.Trigger, report.Reasons.FirstOrDefault() ?? string.Empty);
                break;
            default:
                // Reasons name FAQ files, entries and staff test questions (staff-authored), never patient messages.
                Log.NotPublished(logger, report.Action, report.Outcome, versions, report.User, report.Trigger, string.Join("\n", report.Reasons));
                break;
        }
    }

    private sealed class WorkItem(WorkKind kind, PublishTrigger trigger, string user)
    {
        public WorkKind Kind { get; } = kind;

        public PublishTrigger Trigger { get; set; } = trigger;

        public string User { get; set; } = user;

        public TaskCompletionSource<PublishReport?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static partial class Log
    {
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

        [LoggerMessage(Level = LogLevel.Information, Message = "FAQ live reload: watching {DataFolder}: {WatchData}; following {ModelFolder}/published.json")]
        public static partial void Watching(ILogger logger, string dataFolder, bool watchData, string modelFolder);
    }
}
