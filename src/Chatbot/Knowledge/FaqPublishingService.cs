using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Publishing;
using Chatbot.Telemetry;
using Microsoft.Extensions.Options;

namespace Chatbot.Knowledge;

/// <summary>
/// Live reload of the FAQ in the running bot: watches the data folder (and <c>models/published.json</c>, for publishes
/// by the CLI), runs <see cref="FaqPublisher"/> one request at a time (a burst of saves becomes one publish of the
/// latest files), and swaps the served <see cref="FaqKnowledge"/> when a version is accepted, verified or rolled back.
/// </summary>
/// <remarks>
/// A swap replaces one reference (<see cref="FaqKnowledgeProvider.Publish"/>), so each turn uses one whole version.
/// Replaced classifiers are not disposed: a turn that started on one may still be using it, and the garbage collector
/// reclaims it once no turn does.
/// </remarks>
public sealed class FaqPublishingService : BackgroundService, IFaqPublishing
{
    private const string SystemUser = "system";
    private readonly FaqKnowledgeProvider _provider;
    private readonly FaqPublisher _publisher;
    private readonly FaqFolders _folders;
    private readonly IOptions<PublishingOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ChatbotMetrics _metrics;
    private readonly ILogger<FaqPublishingService> _logger;
    private readonly Lock _watchersLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FaqWatcher> _watchers = [];
    private readonly FaqPublishingQueue _work;
    private int _disposed;
    private volatile PublishReport? _lastReport;
    private volatile VersionInfo? _currentVersion;

    /// <summary>Creates the service; nothing is watched until it starts.</summary>
    public FaqPublishingService(
        FaqKnowledgeProvider provider,
        FaqPublisher publisher,
        FaqFolders folders,
        IOptions<PublishingOptions> options,
        TimeProvider timeProvider,
        ChatbotMetrics metrics,
        ILogger<FaqPublishingService> logger)
    {
        (_provider, _publisher, _folders, _options, _timeProvider, _metrics, _logger) = (provider, publisher, folders, options, timeProvider, metrics, logger);
        _work = new FaqPublishingQueue(publisher, folders, this, logger, _stopping.Token);
    }

    /// <inheritdoc />
    public event EventHandler<PublishReport>? ReportAdded;

    /// <inheritdoc />
    public PublishReport? LastReport => _lastReport ?? History(1).FirstOrDefault();

    /// <inheritdoc />
    public VersionInfo? CurrentVersion => _currentVersion;

    /// <inheritdoc />
    public bool IsBusy => _work.IsBusy;

    /// <inheritdoc />
    public async Task<PublishReport> PublishNowAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var report = await _work.Enqueue(PublishWorkKind.Publish, PublishTrigger.StaffPage, user).WaitAsync(cancellationToken);
        return report ?? throw new InvalidOperationException("The publish produced no report.");
    }

    /// <inheritdoc />
    public async Task<PublishReport> RollbackAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var report = await _work.Enqueue(PublishWorkKind.Rollback, PublishTrigger.StaffPage, user).WaitAsync(cancellationToken);
        return report ?? throw new InvalidOperationException("The rollback produced no report.");
    }

    /// <inheritdoc />
    public IReadOnlyList<PublishReport> History(int count)
    {
        try
        {
            return _publisher.History(_folders.ModelFolder, count);
        }
        catch (ModelVersionStoreException ex)
        {
            FaqPublishingLog.HistoryUnreadable(_logger, ex.Message);
            return [];
        }
    }

    /// <summary>Serves the version of a result (if any), records the report and logs it. Also used by the start-up loader.</summary>
    internal void Record(PublishResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Current is { } version)
        {
            Serve(version);
        }

        var report = result.Report;
        _lastReport = report;
        FaqPublishingLog.Report(_logger, report);
        _metrics.Published(report);
        try
        {
            ReportAdded?.Invoke(this, report);
        }
        catch (Exception ex)
        {
            FaqPublishingLog.ListenerFailed(_logger, ex);
        }
    }

    /// <summary>Serves a published version: one reference swap.</summary>
    internal void Serve(PublishedVersion version)
    {
        _provider.Publish(new FaqKnowledge(version.Catalog, version.Classifier, version.Version));
        _currentVersion = version.Info;
    }

    /// <summary>Publishes the data folder as if a file had changed (the watcher's callback; also for tests).</summary>
    internal Task<PublishReport?> OnDataFolderChanged() => _work.Enqueue(PublishWorkKind.Publish, PublishTrigger.DataFolderChange, "file watcher");

    /// <summary>
    /// Starts watching before anything else starts: a file saved while the start-up load still runs is queued and
    /// published right after it, not missed.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        lock (_watchersLock)
        {
            _watchers.Add(new FaqWatcher(
                _folders.ModelFolder, includeSubdirectories: false, IsPublishedStateFile, options.Debounce, _timeProvider,
                () => _work.Enqueue(PublishWorkKind.Sync, PublishTrigger.Cli, SystemUser), _logger, options.Polling));
            if (options.WatchDataFolder)
            {
                _watchers.Add(new FaqWatcher(
                    _folders.DataFolder, includeSubdirectories: true, path => FaqWatcher.IsDataFile(path) && !IsInside(path, _folders.ModelFolder),
                    options.Debounce, _timeProvider, () => OnDataFolderChanged(), _logger, options.Polling));
            }
        }

        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var registration = stoppingToken.Register(_stopping.Cancel);

        // Start after the start-up load (FaqKnowledgeLoader) served its version, or failed.
        while (!stoppingToken.IsCancellationRequested
            && await _provider.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken) is null
            && _provider.LoadError is null)
        {
        }

        // Work queued while the start-up load ran (saves, the load's own published.json) runs now, in order.
        _work.Open();

        // A cross-validation interrupted by a restart finishes now (or rolls back).
        _ = _work.Enqueue(PublishWorkKind.Verify, PublishTrigger.Startup, SystemUser);
        if (_options.Value.WatchDataFolder)
        {
            // Compile the training code now, not when staff save their first example (~2 s of the first retrain).
            await Task.Factory.StartNew(() => _publisher.WarmUp(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        bool polling;
        lock (_watchersLock)
        {
            polling = _watchers.Any(w => w.IsPolling);
        }

        FaqPublishingLog.Watching(_logger, _folders.DataFolder, _options.Value.WatchDataFolder, _folders.ModelFolder, polling);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        // Registered under three service types (itself, IFaqPublishing, IHostedService): disposed more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        lock (_watchersLock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
        }

        // _stopping is not disposed: a watcher callback racing with shutdown may still read its token.
        base.Dispose();
    }

    /// <summary>Serves the current version of <c>published.json</c> when another process (the CLI) changed it.</summary>
    internal void SyncWithPublishedState()
    {
        try
        {
            // The start-up load's own write of published.json (and a poll of an unchanged file) need no second load.
            var store = _publisher.OpenStore(_folders.ModelFolder);
            if (store.ReadState()?.Current is { } published && _currentVersion is { } served
                && published == served.Version && store.ReadInfo(published).CrossValidated == served.CrossValidated)
            {
                return;
            }

            var current = _publisher.LoadCurrent(_folders.ModelFolder);
            if (current is not null && !ReferenceEquals(current.Classifier, _provider.Current?.Classifier))
            {
                Serve(current);
                FaqPublishingLog.PickedUp(_logger, PublishReport.Short(current.Version), current.Info.PublishedBy, current.Info.Trigger, current.Info.CrossValidated);
            }
        }
        catch (Exception ex) when (ex is ModelVersionStoreException or IntentModelException)
        {
            FaqPublishingLog.SyncFailed(_logger, ex.Message);
        }
    }

    private static bool IsPublishedStateFile(string path) =>
        string.Equals(Path.GetFileName(path), ModelVersionStore.StateFileName, StringComparison.Ordinal);

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
