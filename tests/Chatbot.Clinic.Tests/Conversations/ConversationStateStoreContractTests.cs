using Chatbot.Clinic.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Clinic.Tests.Conversations;

/// <summary>The behaviour every conversation-state store must have; one subclass per provider.</summary>
public abstract class ConversationStateStoreContractTests
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));

    protected abstract IConversationStateStore CreateStore();

    [Fact]
    public async Task ADocumentRoundTrips()
    {
        var store = CreateStore();
        var etag = await store.WriteAsync("conv-1", """{"a":1}""", null, CancellationToken.None);
        var read = await store.ReadAsync("conv-1", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal("""{"a":1}""", read.Json);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task AMissingDocumentReadsAsNull() =>
        Assert.Null(await CreateStore().ReadAsync("nothing-here", CancellationToken.None));

    [Fact]
    public async Task AStaleETagIsRefused()
    {
        var store = CreateStore();
        var first = await store.WriteAsync("conv-2", "{}", null, CancellationToken.None);
        await store.WriteAsync("conv-2", """{"v":2}""", first, CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync("conv-2", """{"v":3}""", first, CancellationToken.None));
        Assert.Equal("""{"v":2}""", (await store.ReadAsync("conv-2", CancellationToken.None))!.Json);
    }

    [Fact]
    public async Task CreatingTwiceIsAConflict()
    {
        var store = CreateStore();
        await store.WriteAsync("conv-3", "{}", null, CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync("conv-3", "{}", null, CancellationToken.None));
    }

    [Fact]
    public async Task OnlyOneOfManyConcurrentWritersWins()
    {
        var store = CreateStore();
        var etag = await store.WriteAsync("conv-4", "{}", null, CancellationToken.None);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await store.WriteAsync("conv-4", $$"""{"writer":{{i}}}""", etag, CancellationToken.None);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));
        Assert.Equal(1, results.Count(r => r));
    }

    [Theory]
    [InlineData("19:abc@thread.skype;messageid=1")]
    [InlineData("c1|livechat")]
    [InlineData("a/b\\c?d#e%f'g\"h")]
    [InlineData("ключ-会話-🙂")]
    public async Task OddKeysWork(string key)
    {
        var store = CreateStore();
        await store.WriteAsync(key, "{}", null, CancellationToken.None);
        Assert.NotNull(await store.ReadAsync(key, CancellationToken.None));
        await store.DeleteAsync(key, CancellationToken.None);
        Assert.Null(await store.ReadAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task PurgeRemovesOnlyOldDocuments()
    {
        var store = CreateStore();
        await store.WriteAsync("old", "{}", null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(40));
        await store.WriteAsync("new", "{}", null, CancellationToken.None);
        var removed = await store.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(30), CancellationToken.None);
        Assert.Equal(1, removed);
        Assert.Null(await store.ReadAsync("old", CancellationToken.None));
        Assert.NotNull(await store.ReadAsync("new", CancellationToken.None));
    }
}

public sealed class InMemoryConversationStateStoreTests : ConversationStateStoreContractTests
{
    protected override IConversationStateStore CreateStore() => new InMemoryConversationStateStore(Clock);
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteConversationStateStoreTests : ConversationStateStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override IConversationStateStore CreateStore() =>
        new SqliteConversationStateStore(new SqliteDatabase(_folder.PathOf("nested", "chatbot.db")), Clock);

    [Fact]
    public async Task StateSurvivesANewDatabaseObjectOnTheSameFile()
    {
        var path = _folder.PathOf("restart.db");
        await new SqliteConversationStateStore(new SqliteDatabase(path), Clock).WriteAsync("conv", """{"step":2}""", null, CancellationToken.None);
        var afterRestart = await new SqliteConversationStateStore(new SqliteDatabase(path), Clock).ReadAsync("conv", CancellationToken.None);
        Assert.Equal("""{"step":2}""", afterRestart!.Json);
    }

    public void Dispose() => _folder.Dispose();
}
