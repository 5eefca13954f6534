using Chatbot.Tests.Infrastructure;
using Chatbot.Handoff;
using Chatbot.Storage;
using Chatbot.Teams;

namespace Chatbot.Tests.Teams;

/// <summary>What every Teams conversation-reference store and open-hand-off index must do; one subclass per provider.</summary>
public abstract class TeamsStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    protected abstract ITeamsConversationStore CreateConversations();

    protected abstract IHandoffIndex CreateHandoffs();

    private static TeamsConversationReference Reference(string key, string? channel = null, string? team = null, int minutes = 0) =>
        new(key, key + (channel is null ? string.Empty : ";messageid=1"), "https://smba.trafficmanager.net/amer/", TeamsFixtures.ClinicTenant,
            team, channel, channel is null ? "personal" : "channel", TeamsFixtures.BotId, "Clinic Assistant", Now.AddMinutes(minutes));

    [Fact]
    public async Task ReferencesAreFoundByChannelAndListedNewestFirst()
    {
        var store = CreateConversations();
        await store.SaveAsync(Reference("a:1", minutes: 1), default);
        await store.SaveAsync(Reference(TeamsFixtures.ChannelId, TeamsFixtures.ChannelId, TeamsFixtures.TeamId, minutes: 2), default);
        var channel = await store.FindChannelAsync(TeamsFixtures.ChannelId.ToUpperInvariant(), default);
        Assert.Equal(TeamsFixtures.TeamId, channel!.TeamId);
        Assert.Equal(["19:9f7c2f4b0e7e4f3c8b6d1a2b3c4d5e6f@thread.tacv2", "a:1"], (await store.ListAsync(10, default)).Select(r => r.Key));
        Assert.Null(await store.FindChannelAsync("19:unknown@thread.tacv2", default));
    }

    [Fact]
    public async Task AnUpdateKeepsWhatTheNewActivityDidNotSay()
    {
        var store = CreateConversations();
        await store.SaveAsync(Reference("k", TeamsFixtures.ChannelId, TeamsFixtures.TeamId), default);
        await store.SaveAsync(Reference("k", minutes: 5) with { ServiceUrl = "https://smba.trafficmanager.net/emea/", BotId = null }, default);
        var saved = Assert.Single(await store.ListAsync(10, default));
        Assert.Equal("https://smba.trafficmanager.net/emea/", saved.ServiceUrl);
        Assert.Equal(TeamsFixtures.TeamId, saved.TeamId);
        Assert.Equal(TeamsFixtures.ChannelId, saved.ChannelId);
        Assert.Equal(TeamsFixtures.BotId, saved.BotId);
        Assert.Equal(Now.AddMinutes(5), saved.UpdatedAt);
    }

    [Fact]
    public async Task ARemovedReferenceIsGone()
    {
        var store = CreateConversations();
        await store.SaveAsync(Reference("gone"), default);
        await store.RemoveAsync("gone", default);
        Assert.Empty(await store.ListAsync(10, default));
    }

    [Fact]
    public async Task OpenHandOffsAreListedNewestFirstUntilClosedOrExpired()
    {
        var index = CreateHandoffs();
        await index.OpenAsync(Handoff("H-AAAAAA", "webchat/conversations/1", startedMinutesAgo: 20, expiresInMinutes: 10), default);
        await index.OpenAsync(Handoff("H-BBBBBB", "webchat/conversations/2", startedMinutesAgo: 5, expiresInMinutes: 25), default);
        await index.OpenAsync(Handoff("H-CCCCCC", "webchat/conversations/3", startedMinutesAgo: 40, expiresInMinutes: -10), default);
        Assert.Equal(["H-BBBBBB", "H-AAAAAA"], (await index.ListOpenAsync(Now, 10, default)).Select(h => h.Reference));

        await index.CloseAsync("webchat/conversations/1", default);
        Assert.Equal(["H-BBBBBB"], (await index.ListOpenAsync(Now, 10, default)).Select(h => h.Reference));
        Assert.Empty(await index.ListOpenAsync(Now.AddMinutes(30), 10, default));
    }

    [Fact]
    public async Task ANewHandOffOfTheSameConversationReplacesTheOldOne()
    {
        var index = CreateHandoffs();
        await index.OpenAsync(Handoff("H-OLD111", "webchat/conversations/9", 10, 20), default);
        await index.OpenAsync(Handoff("H-NEW222", "webchat/conversations/9", 1, 29) with { Reason = HandoffReason.Crisis }, default);
        var open = Assert.Single(await index.ListOpenAsync(Now, 10, default));
        Assert.Equal(("H-NEW222", HandoffReason.Crisis, "last [email] message"), (open.Reference, open.Reason, open.Summary));
    }

    private static OpenHandoff Handoff(string reference, string stateKey, int startedMinutesAgo, int expiresInMinutes) =>
        new(reference, stateKey, "webchat", stateKey.Split('/')[^1], HandoffReason.Requested, Now.AddMinutes(-startedMinutesAgo), Now.AddMinutes(expiresInMinutes), "last [email] message");
}

public sealed class InMemoryTeamsStoreTests : TeamsStoreContractTests
{
    protected override ITeamsConversationStore CreateConversations() => new InMemoryTeamsConversationStore();

    protected override IHandoffIndex CreateHandoffs() => new InMemoryHandoffIndex();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteTeamsStoreTests : TeamsStoreContractTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-teams-").FullName;
    private int _databases;

    protected override ITeamsConversationStore CreateConversations() => new SqliteTeamsConversationStore(NewDatabase());

    protected override IHandoffIndex CreateHandoffs() => new SqliteHandoffIndex(NewDatabase());

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger on some platforms; the OS cleans temp folders.
        }
    }

    private SqliteDatabase NewDatabase() => new(Path.Combine(_folder, $"chatbot-{Interlocked.Increment(ref _databases)}.db"));
}
