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
public sealed partial class FaqPublishingService(
    FaqKnowledgeProvider provider,
    FaqPublisher publisher,
    FaqFolders folders,
    IOptions<PublishingOptions> options,
    TimeProvider timeProvider,
    ChatbotMetrics metrics,
    ILogger<FaqPublishingService> logger) : BackgroundService, IFaqPublishing
{
    private const string SystemUser = "system";
    private readonly Lock _lock = new();
    private readonly List<WorkItem> _queue = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FaqWatcher> _watchers = [];
    private Task? _worker;
    private CancellationTokenSource? _verification;
    private int _disposed;
    private volatile bool _running;
    private volatile PublishReport? _lastReport;
    private volatile VersionInfo? _currentVersion;

    /// <inheritdoc />
    public event EventHandler<PublishReport>? ReportAdded;

    /// <inheritdoc />
    public PublishReport? LastReport => _lastReport ?? History(1).FirstOrDefault();

    /// <inheritdoc />
    public VersionInfo? CurrentVersion => _currentVersion;

    /// <inheritdoc />
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

    /// <inheritdoc />
    public async Task<PublishReport> PublishNowAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var report = await Enqueue(WorkKind.Publish, PublishTrigger.StaffPage, user).WaitAsync(cancellationToken);
        return report ?? throw new InvalidOperationException("The publish produced no report.");
    }

    /// <inheritdoc />
    public async Task<PublishReport> RollbackAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var report = await Enqueue(WorkKind.Rollback, PublishTrigger.StaffPage, user).WaitAsync(cancellationToken);
        return report ?? throw new InvalidOperationException("The rollback produced no report.");
    }

    /// <inheritdoc />
    public IReadOnlyList<PublishReport> History(int count)
    {
        try
        {
            return publisher.History(folders.ModelFolder, count);
        }
        catch (ModelVersionStoreException ex)
        {
            Log.HistoryUnreadable(logger, ex.Message);
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
        LogReport(report);
        metrics.Published(report);
        try
        {
            ReportAdded?.Invoke(this, report);
        }
        catch (Exception ex)
        {
            Log.ListenerFailed(logger, ex);
        }
    }

    /// <summary>Serves a published version: one reference swap.</summary>
    internal void Serve(PublishedVersion version)
    {
        provider.Publish(new FaqKnowledge(version.Catalog, version.Classifier, version.Version));
        _currentVersion = version.Info;
    }

    /// <summary>Publishes the data folder as if a file had changed (the watcher's callback; also for tests).</summary>
    internal Task<PublishReport?> OnDataFolderChanged() => Enqueue(WorkKind.Publish, PublishTrigger.DataFolderChange, "file watcher");

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var registration = stoppingToken.Register(_stopping.Cancel);

        // Start after the start-up load (FaqKnowledgeLoader) served its version, or failed.
        while (!stoppingToken.IsCancellationRequested
            && await provider.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken) is null
            && provider.LoadError is null)
        {
        }

        var debounce = options.Value.Debounce;
        lock (_lock)
        {
            _watchers.Add(new FaqWatcher(
                folders.ModelFolder, includeSubdirectories: false, IsPublishedStateFile, debounce, timeProvider,
                () => Enqueue(WorkKind.Sync, PublishTrigger.Cli, SystemUser), logger));
            if (options.Value.WatchDataFolder)
            {
                _watchers.Add(new FaqWatcher(
                    folders.DataFolder, includeSubdirectories: true, path => FaqWatcher.IsDataFile(path) && !IsInside(path, folders.ModelFolder),
                    debounce, timeProvider, () => OnDataFolderChanged(), logger));
            }
        }

        // A cross-validation interrupted by a restart finishes now (or rolls back).
        _ = Enqueue(WorkKind.Verify, PublishTrigger.Startup, SystemUser);
        if (options.Value.WatchDataFolder)
        {
            // Compile the training code now, not when staff save their first example (~2 s of the first retrain).
            await Task.Factory.StartNew(() => publisher.WarmUp(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Log.Watching(logger, folders.DataFolder, options.Value.WatchDataFolder, folders.ModelFolder);
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
        lock (_lock)
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

    private static bool IsPublishedStateFile(string path) =>
        string.Equals(Path.GetFileName(path), ModelVersionStore.StateFileName, StringComparison.Ordinal);

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
