using Chatbot.Faq.Publishing;

namespace Chatbot.Faq.Tests.Publishing;

public sealed class ModelVersionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "versions-test-" + Guid.NewGuid().ToString("N"));

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

    private void Commit(ModelVersionStore store, string version)
    {
        using var draft = store.CreateDraft("faq-data");
        Directory.CreateDirectory(draft.DataFolder);
        File.WriteAllText(Path.Combine(draft.Folder, "marker.txt"), version);
        store.Commit(draft, version);
    }

    [Fact]
    public void NothingPublishedReadsAsNull()
    {
        var store = new ModelVersionStore(_folder);

        Assert.Null(store.ReadState());
        Assert.Empty(store.ReadHistory(5));
    }

    [Fact]
    public void PublishingPushesAndRollbackPopsAndWithdraws()
    {
        var store = new ModelVersionStore(_folder);
        Commit(store, "aaa");
        store.SetCurrent("aaa", "ann", Now);
        Commit(store, "bbb");
        var published = store.SetCurrent("bbb", "bob", Now);

        Assert.Equal("bbb", published.Current);
        Assert.Equal("aaa", published.Previous);
        var back = store.Rollback("cat", Now);
        Assert.Equal("aaa", back.Current);
        Assert.Null(back.Previous);
        Assert.Equal(["bbb"], back.Withdrawn);
        Assert.Equal("cat", store.ReadState()!.UpdatedBy);
        Assert.Equal(3, store.ReadState()!.Revision);
        var ex = Assert.Throws<ModelVersionStoreException>(() => store.Rollback("cat", Now));
        Assert.Contains("no earlier published version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheNewestVersionsAreKept()
    {
        var store = new ModelVersionStore(_folder, keepVersions: 2);
        foreach (var version in new[] { "v1", "v2", "v3" })
        {
            Commit(store, version);
            store.SetCurrent(version, "ann", Now);
        }

        Assert.Equal(["v2", "v3"], store.ReadState()!.Versions);
        Assert.False(store.Exists("v1"));
        Assert.True(store.Exists("v2"));
    }

    [Fact]
    public void AFullDiskLeavesThePublishedStateAsItWas()
    {
        var disk = new FullDisk();
        var store = new ModelVersionStore(_folder, disk);
        Commit(store, "aaa");
        store.SetCurrent("aaa", "ann", Now);
        var before = File.ReadAllText(store.StatePath);

        disk.Full = true;
        Commit(store, "bbb");
        var ex = Assert.Throws<ModelVersionStoreException>(() => store.SetCurrent("bbb", "bob", Now));

        Assert.True(ex.IsDiskFull);
        Assert.Contains("the disk is full", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing already published was changed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(store.StatePath));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void HistoryIsNewestFirstAndSkipsDamagedLines()
    {
        var store = new ModelVersionStore(_folder);
        Directory.CreateDirectory(_folder);
        store.AppendHistory(Report("r1"));
        File.AppendAllText(Path.Combine(_folder, ModelVersionStore.HistoryFileName), "{\"id\": \"cut sho\n");
        store.AppendHistory(Report("r2"));

        var history = store.ReadHistory(10);

        Assert.Equal(["r2", "r1"], history.Select(r => r.Id));
        Assert.Equal(PublishOutcome.Rejected, history[0].Outcome);
        Assert.Equal(["because"], history[0].Reasons);
        Assert.Equal(0.5, history[0].After!.MacroF1);
    }

    [Fact]
    public void TheLockIsExclusive()
    {
        var store = new ModelVersionStore(_folder);
        using (store.AcquireLock(TimeSpan.FromSeconds(1), CancellationToken.None))
        {
            var ex = Assert.Throws<ModelVersionStoreException>(() => new ModelVersionStore(_folder).AcquireLock(TimeSpan.FromMilliseconds(200), CancellationToken.None));
            Assert.Contains("Another publish", ex.Message, StringComparison.Ordinal);
        }

        using var again = store.AcquireLock(TimeSpan.FromSeconds(1), CancellationToken.None);
    }

    private static PublishReport Report(string id) => new()
    {
        Id = id,
        Action = PublishAction.Publish,
        Trigger = PublishTrigger.Cli,
        User = "ann",
        StartedAt = Now,
        FinishedAt = Now,
        Outcome = PublishOutcome.Rejected,
        Reasons = ["because"],
        After = new PublishMetrics(0.9, 0.5, null, 3, 4),
    };

    /// <summary>A disk that fills up on demand: every write then fails as Linux reports ENOSPC.</summary>
    internal sealed class FullDisk : IVersionStoreFileSystem
    {
        public bool Full { get; set; }

        public void WriteFile(string path, Action<Stream> write)
        {
            ThrowIfFull();
            PhysicalVersionStoreFileSystem.Instance.WriteFile(path, write);
        }

        public void CopyFile(string source, string destination)
        {
            ThrowIfFull();
            PhysicalVersionStoreFileSystem.Instance.CopyFile(source, destination);
        }

        private void ThrowIfFull()
        {
            if (Full)
            {
                throw new IOException("No space left on device", 28);
            }
        }
    }
}
