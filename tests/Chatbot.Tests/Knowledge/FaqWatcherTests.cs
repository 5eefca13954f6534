using Chatbot.Knowledge;
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
}
