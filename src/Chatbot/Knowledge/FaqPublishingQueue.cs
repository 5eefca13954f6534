using Chatbot.Faq.Publishing;

namespace Chatbot.Knowledge;

/// <summary>
/// The one-at-a-time work queue of <see cref="FaqPublishingService"/>: publishes, rollbacks, background
/// cross-validations and syncs run in order on one worker, a burst of publish requests runs once, and a publish or
/// rollback interrupts a running cross-validation (which is queued again afterwards). Nothing runs before
/// <see cref="Open"/>: work asked for during the start-up load waits for it.
/// </summary>
internal sealed class FaqPublishingQueue(
    FaqPublisher publisher, FaqFolders folders, FaqPublishingService service, ILogger logger, CancellationToken stopping)
{
    private readonly Lock _lock = new();
    private readonly List<PublishWorkItem> _queue = [];
    private Task? _worker;
    private CancellationTokenSource? _verification;
    private volatile bool _running;
    private bool _open;

    /// <summary>True while work runs or waits.</summary>
    public bool IsBusy
    {
        get
        {
            lock (_lock)
            {
                return _running || _queue.Count > 0;
            }
        }
    }

    /// <summary>
    /// Queues work; a publish (or sync) request joins one that is already waiting, so a burst of requests runs once on
    /// the latest files (latest wins). An explicit request upgrades a waiting automatic one's trigger and user.
    /// </summary>
    public Task<PublishReport?> Enqueue(PublishWorkKind kind, PublishTrigger trigger, string user)
    {
        lock (_lock)
        {
            if (kind is PublishWorkKind.Publish or PublishWorkKind.Rollback)
            {
                // Staff should not wait for a background cross-validation: interrupt it; it runs again afterwards
                // on whatever is current then.
                _verification?.Cancel();
            }

            if (kind is PublishWorkKind.Publish or PublishWorkKind.Sync && _queue.LastOrDefault() is { } waiting && waiting.Kind == kind)
            {
                if (trigger != PublishTrigger.DataFolderChange)
                {
                    waiting.Trigger = trigger;
                    waiting.User = user;
                }

                return waiting.Completion.Task;
            }

            var item = new PublishWorkItem(kind, trigger, user);
            _queue.Add(item);
            if (_open)
            {
                _worker ??= Task.Run(DrainAsync);
            }

            return item.Completion.Task;
        }
    }

    /// <summary>Starts running work (queued work waits until the start-up load is done).</summary>
    public void Open()
    {
        lock (_lock)
        {
            _open = true;
            if (_queue.Count > 0)
            {
                _worker ??= Task.Run(DrainAsync);
            }
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            PublishWorkItem item;
            lock (_lock)
            {
                if (_queue.Count == 0 || stopping.IsCancellationRequested)
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
                    service.Record(result);
                }

                if (item.Kind is PublishWorkKind.Publish or PublishWorkKind.Rollback || result?.Report.Outcome == PublishOutcome.RolledBack)
                {
                    VerifyCurrentLater(item.User);
                }

                item.Completion.TrySetResult(result?.Report);
            }
            catch (OperationCanceledException) when (item.Kind == PublishWorkKind.Verify && !stopping.IsCancellationRequested)
            {
                FaqPublishingLog.VerificationInterrupted(logger, PublishReport.Short(service.CurrentVersion?.Version));
                item.Completion.TrySetResult(null);
            }
            catch (OperationCanceledException)
            {
                item.Completion.TrySetCanceled();
            }
            catch (Exception ex)
            {
                // The publisher turns failures into reports; this is a bug. Keep serving, keep the queue alive.
                FaqPublishingLog.WorkFailed(logger, item.Kind.ToString(), ex);
                item.Completion.TrySetException(ex);
            }
        }
    }

    private async Task<PublishResult?> RunAsync(PublishWorkItem item)
    {
        var token = stopping;
        switch (item.Kind)
        {
            case PublishWorkKind.Publish:
                return await publisher.PublishAsync(folders.DataFolder, folders.ModelFolder, item.Trigger, item.User, token);
            case PublishWorkKind.Verify:
                return await VerifyAsync(item.User, token);
            case PublishWorkKind.Rollback:
                return await publisher.RollbackAsync(folders.ModelFolder, item.Trigger, item.User, token);
            default:
                await Task.Factory.StartNew(service.SyncWithPublishedState, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                return null;
        }
    }

    /// <summary>Cross-validates the current version if it is not yet; a publish or rollback request interrupts it.</summary>
    private async Task<PublishResult?> VerifyAsync(string user, CancellationToken stopping)
    {
        using var verification = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        lock (_lock)
        {
            if (_queue.Any(w => w.Kind is PublishWorkKind.Publish or PublishWorkKind.Rollback))
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
            if (service.CurrentVersion is { CrossValidated: false } && !_queue.Any(w => w.Kind == PublishWorkKind.Verify))
            {
                _queue.Add(new PublishWorkItem(PublishWorkKind.Verify, PublishTrigger.BackgroundVerification, user));
            }
        }
    }
}
