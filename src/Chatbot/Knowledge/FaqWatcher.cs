namespace Chatbot.Knowledge;

/// <summary>
/// Watches a folder and calls back once a burst of relevant changes has been quiet for the debounce time. Editors
/// save with several events (temp file, rename, attribute change); they become one call. A burst that never goes
/// quiet still calls back after <c>8 ×</c> the debounce time.
/// </summary>
/// <remarks>
/// Changes are noticed by file system notifications (inotify on Linux) or, when asked or when notifications cannot
/// be had, by comparing the relevant files' sizes and write times every poll interval. Notifications are not
/// available on network file systems written by other hosts (NFS, SMB, Azure Files), and on Linux each watcher uses
/// one inotify instance of a per-user limit (128 by default) that other programs share: a bot that cannot get one
/// still notices every save, a little later.
/// </remarks>
public sealed partial class FaqWatcher : IDisposable
{
    private const int MaxDebounces = 8;
    private readonly FileSystemWatcher? _watcher;
    private readonly Func<string, bool> _isRelevant;
    private readonly bool _includeSubdirectories;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _timeProvider;
    private readonly Action _onChange;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly ITimer? _pollTimer;
    private readonly Lock _lock = new();
    private Dictionary<string, (long Length, DateTime WrittenAt)>? _lastSeen;
    private int _polling;
    private long? _burstStartedAt;

    /// <summary>Starts watching.</summary>
    /// <param name="folder">The folder (created when missing, so it can be watched).</param>
    /// <param name="includeSubdirectories">Also watch sub-folders (e.g. <c>tests/</c>).</param>
    /// <param name="isRelevant">Whether a changed file (full path) matters.</param>
    /// <param name="debounce">How long the folder must be quiet before <paramref name="onChange"/>.</param>
    /// <param name="timeProvider">The clock of the debounce and poll timers.</param>
    /// <param name="onChange">Called (on a timer thread) after a burst of changes; must not throw.</param>
    /// <param name="logger">For watcher errors.</param>
    /// <param name="polling">How to poll: always, or only when notifications cannot be had (the default, every 5 s).</param>
    public FaqWatcher(
        string folder, bool includeSubdirectories, Func<string, bool> isRelevant, TimeSpan debounce,
        TimeProvider timeProvider, Action onChange, ILogger logger, FolderPolling? polling = null)
        : this(folder, includeSubdirectories, isRelevant, debounce, timeProvider, onChange, logger, polling, startNotifications: null)
    {
    }

    /// <param name="startNotifications">Starts file system notifications for the folder (tests make it fail).</param>
    internal FaqWatcher(
        string folder, bool includeSubdirectories, Func<string, bool> isRelevant, TimeSpan debounce,
        TimeProvider timeProvider, Action onChange, ILogger logger, FolderPolling? polling, Func<string, FileSystemWatcher>? startNotifications)
    {
        ArgumentNullException.ThrowIfNull(isRelevant);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(onChange);
        ArgumentNullException.ThrowIfNull(logger);
        polling ??= FolderPolling.WhenNotificationsFail(TimeSpan.FromSeconds(5));
        _isRelevant = isRelevant;
        _includeSubdirectories = includeSubdirectories;
        _debounce = debounce;
        _timeProvider = timeProvider;
        _onChange = onChange;
        _logger = logger;
        Folder = Path.GetFullPath(folder);
        _timer = timeProvider.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Directory.CreateDirectory(Folder);
        if (!polling.Always)
        {
            try
            {
                _watcher = (startNotifications ?? StartNotifications)(Folder);
                IsPolling = false;
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                Log.NotificationsUnavailable(_logger, Folder, polling.Interval, ex.Message);
            }
        }
        else
        {
            Log.Polling(_logger, Folder, polling.Interval);
        }

        IsPolling = true;
        _lastSeen = Snapshot();
        _pollTimer = timeProvider.CreateTimer(_ => Poll(), null, polling.Interval, polling.Interval);
    }

    /// <summary>The watched folder.</summary>
    public string Folder { get; }

    /// <summary>True when changes are found by polling rather than file system notifications.</summary>
    public bool IsPolling { get; }

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
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
            _watcher.Dispose();
        }

        _pollTimer?.Dispose();
        _timer.Dispose();
    }

    private FileSystemWatcher StartNotifications(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = _includeSubdirectories,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        try
        {
            watcher.Changed += (_, e) => Notify(e.FullPath);
            watcher.Created += (_, e) => Notify(e.FullPath);
            watcher.Deleted += (_, e) => Notify(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Notify(e.OldFullPath);
                Notify(e.FullPath);
            };
            watcher.Error += (_, e) =>
            {
                // An overflow loses events: treat it as a change, so nothing saved is missed.
                Log.WatcherError(_logger, Folder, e.GetException());
                Schedule();
            };

            // Throws when the per-user inotify limit is reached.
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    private void Poll()
    {
        // A slow file system must not stack up polls on the timer's threads.
        if (Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        try
        {
            var seen = Snapshot();
            var previous = Interlocked.Exchange(ref _lastSeen, seen);
            if (previous is null || previous.Count != seen.Count || seen.Any(f => !previous.TryGetValue(f.Key, out var before) || before != f.Value))
            {
                Schedule();
            }
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    /// <summary>The size and last write time of every relevant file (none when the folder cannot be read).</summary>
    private Dictionary<string, (long Length, DateTime WrittenAt)> Snapshot()
    {
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = _includeSubdirectories, IgnoreInaccessible = true };
            foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*", options))
            {
                if (_isRelevant(file.FullName))
                {
                    files[file.FullName] = (file.Length, file.LastWriteTimeUtc);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder that disappeared or cannot be read reads as empty: that is a change, and the publish that
            // follows reports the problem to staff.
        }

        return files;
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

        [LoggerMessage(Level = LogLevel.Warning, Message = "File change notifications for {Folder} are not available ({Reason}); checking it for changes every {Interval} instead")]
        public static partial void NotificationsUnavailable(ILogger logger, string folder, TimeSpan interval, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "Checking {Folder} for changes every {Interval} (Chatbot:Publishing:PollForChanges)")]
        public static partial void Polling(ILogger logger, string folder, TimeSpan interval);
    }
}
