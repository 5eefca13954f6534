using Chatbot.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Tests.Knowledge;

public sealed class FaqWatcherTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "watcher-test-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new();
    private int _calls;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private FaqWatcher Watch() => new(_folder, includeSubdirectories: true, FaqWatcher.IsDataFile, Debounce, _clock, () => Interlocked.Increment(ref _calls), NullLogger.Instance);

    [Theory]
    [InlineData("treatment.json", true)]
    [InlineData("tests/test-conversations.json", true)]
    [InlineData("treatment.json~", false)]
    [InlineData(".treatment.json.swp", false)]
    [InlineData("treatment.json.tmp", false)]
    [InlineData(".#treatment.json", false)]
    [InlineData("~$treatment.json", false)]
    [InlineData("README.md", false)]
    public void OnlyFaqFilesCount(string name, bool relevant)
    {
        Assert.Equal(relevant, FaqWatcher.IsDataFile(Path.Combine(_folder, name)));
    }

    [Fact]
    public void ABurstOfChangesIsOneCallAfterTheFolderIsQuiet()
    {
        using var watcher = Watch();

        watcher.Notify(Path.Combine(_folder, "treatment.json"));
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        watcher.Notify(Path.Combine(_folder, "tests", "test-conversations.json"));
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        watcher.Notify(Path.Combine(_folder, "treatment.json"));
        _clock.Advance(TimeSpan.FromMilliseconds(299));
        Assert.Equal(0, _calls);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _calls);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, _calls);
    }

    [Fact]
    public void EditorTemporariesAloneDoNotPublish()
    {
        using var watcher = Watch();

        watcher.Notify(Path.Combine(_folder, ".treatment.json.swp"));
        watcher.Notify(Path.Combine(_folder, "treatment.json~"));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, _calls);
    }

    [Fact]
    public void AChangeThatNeverStopsStillPublishesAfterEightDebounces()
    {
        using var watcher = Watch();

        for (var i = 0; i < 40 && _calls == 0; i++)
        {
            watcher.Notify(Path.Combine(_folder, "treatment.json"));
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task ASavedFileIsNoticed()
    {
        using var watcher = new FaqWatcher(_folder, true, FaqWatcher.IsDataFile, TimeSpan.FromMilliseconds(50), TimeProvider.System, () => Interlocked.Increment(ref _calls), NullLogger.Instance);

        await File.WriteAllTextAsync(Path.Combine(_folder, "treatment.json"), "{}");

        await LiveReloadFactory.WaitUntilAsync(() => Volatile.Read(ref _calls) > 0, "the watcher");
    }

    [Fact]
    public void WhenAskedToPollASaveIsNoticedAtTheNextLook()
    {
        using var watcher = Poll(always: true);
        Assert.True(watcher.IsPolling);

        File.WriteAllText(Path.Combine(_folder, "treatment.json"), "{}");
        _clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(0, _calls);

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        _clock.Advance(Debounce);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public void PollingCountsChangedRemovedAndNewFilesButNotEditorTemporariesOrQuietFolders()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "treatment.json"), "{}");
        using var watcher = Poll(always: true);

        LookTwice();
        Assert.Equal(0, _calls);

        File.WriteAllText(Path.Combine(_folder, ".treatment.json.swp"), "swap");
        LookTwice();
        Assert.Equal(0, _calls);

        File.WriteAllText(Path.Combine(_folder, "treatment.json"), "{ \"entries\": [] }");
        LookTwice();
        Assert.Equal(1, _calls);

        Directory.CreateDirectory(Path.Combine(_folder, "tests"));
        File.WriteAllText(Path.Combine(_folder, "tests", "test-conversations.json"), "[]");
        LookTwice();
        Assert.Equal(2, _calls);

        File.Delete(Path.Combine(_folder, "treatment.json"));
        LookTwice();
        Assert.Equal(3, _calls);
    }

    [Fact]
    public void ABotThatCannotGetChangeNotificationsPollsInsteadAndSaysSo()
    {
        var logger = new RecordingLogger();
        using var watcher = new FaqWatcher(
            _folder, true, FaqWatcher.IsDataFile, Debounce, _clock, () => Interlocked.Increment(ref _calls), logger,
            FolderPolling.WhenNotificationsFail(TimeSpan.FromSeconds(2)),
            startNotifications: _ => throw new IOException("The configured user limit (128) on the number of inotify instances has been reached."));

        Assert.True(watcher.IsPolling);
        var warning = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("inotify instances", warning.Message, StringComparison.Ordinal);
        Assert.Contains("every 00:00:02", warning.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, "treatment.json"), "{}");
        LookTwice();
        Assert.Equal(1, _calls);
    }

    [Fact]
    public void ChangeNotificationsAreUsedWhenAvailable()
    {
        using var watcher = Watch();

        Assert.False(watcher.IsPolling);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    public void DotNetsOwnPollingSwitchMakesTheWatchersPollToo(string? value, bool polls)
    {
        Assert.Equal(polls, FolderPolling.FrameworkPollsFiles(value));
    }

    private FaqWatcher Poll(bool always) =>
        new(_folder, true, FaqWatcher.IsDataFile, Debounce, _clock, () => Interlocked.Increment(ref _calls), NullLogger.Instance, new FolderPolling(always, TimeSpan.FromSeconds(2)));

    /// <summary>Two poll intervals and the debounce: a change seen at the first look has called back.</summary>
    private void LookTwice()
    {
        _clock.Advance(TimeSpan.FromSeconds(2));
        _clock.Advance(Debounce);
        _clock.Advance(TimeSpan.FromSeconds(2));
        _clock.Advance(Debounce);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
