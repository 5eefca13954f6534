namespace Chatbot.Knowledge;

/// <summary>
/// Watches a folder and calls back once a burst of relevant changes has been quiet for the debounce time. Editors
/// save with several events (temp file, rename, attribute change); they become one call. A burst that never goes
/// quiet still calls back after <c>8 ×</c> the debounce time.
/// </summary>
public sealed partial class FaqWatcher : IDisposable
{
    private const int MaxDebounces = 8;
    private readonly FileSystemWatcher _watcher;
    private readonly Func<string, bool> _isRelevant;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _timeProvider;
    private readonly Action _onChange;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private long? _burstStartedAt;

    /// <summary>Starts watching.</summary>
    /// <param name="folder">The folder (created when missing, so it can be watched).</param>
    /// <param name="includeSubdirectories">Also watch sub-folders (e.g. <c>tests/</c>).</param>
    /// <param name="isRelevant">Whether a changed file (full path) matters.</param>
    /// <param name="debounce">How long the folder must be quiet before <paramref name="onChange"/>.</param>
    /// <param name="timeProvider">The clock of the debounce timer.</param>
    /// <param name="onChange">Called (on a timer thread) after a burst of changes; must not throw.</param>
    /// <param name="logger">For watcher errors.</param>
    public FaqWatcher(
        string folder, bool includeSubdirectories, Func<string, bool> isRelevant, TimeSpan debounce,
        TimeProvider timeProvider, Action onChange, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(isRelevant);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(onChange);
        ArgumentNullException.ThrowIfNull(logger);
        _isRelevant = isRelevant;
        _debounce = debounce;
        _timeProvider = timeProvider;
        _onChange = onChange;
        _logger = logger;
        Folder = Path.GetFullPath(folder);
        _timer = timeProvider.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Directory.CreateDirectory(Folder);
        _watcher = new FileSystemWatcher(Folder)
        {
            IncludeSubdirectories = includeSubdirectories,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, e) => Notify(e.FullPath);
        _watcher.Created += (_, e) => Notify(e.FullPath);
        _watcher.Deleted += (_, e) => Notify(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Notify(e.OldFullPath);
            Notify(e.FullPath);
        };
        _watcher.Error += (_, e) =>
        {
            // An overflow loses events: treat it as a change, so nothing saved is missed.
            Log.WatcherError(_logger, Folder, e.GetException());
            Schedule();
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>The watched folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// True for FAQ files: <c>*.json</c>, not editor temporaries or backups (<c>~</c>, <c>.swp</c>, <c>.tmp</c>,
    /// <c>.#name</c>, <c>~$name</c>, hidden files).
    /// </summary>
    public static bool IsDataFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith('.')
            && !name.StartsWith('~')
            && !name.StartsWith("#", StringComparison.Ordinal);
    }

    /// <summary>Reports a changed path, as the file system watcher does (also used by tests).</summary>
    public void Notify(string path)
    {
        if (_isRelevant(path))
        {
            Schedule();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void Schedule()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetTimestamp();
            _burstStartedAt ??= now;
            var due = _timeProvider.GetElapsedTime(_burstStartedAt.Value, now) > _debounce * MaxDebounces ? TimeSpan.Zero : _debounce;
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        lock (_lock)
        {
            _burstStartedAt = null;
        }

        _onChange();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {Folder} failed; checking it for changes now")]
        public static partial void WatcherError(ILogger logger, string folder, Exception exception);
    }
}
