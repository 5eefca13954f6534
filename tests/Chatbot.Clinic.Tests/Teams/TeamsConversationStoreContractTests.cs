using Chatbot.Clinic.Tests.Infrastructure;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Teams;

namespace Chatbot.Clinic.Tests.Teams;

/// <summary>What every store of Teams conversation references must do; one subclass per provider.</summary>
public abstract class TeamsConversationStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    protected abstract ITeamsConversationStore CreateConversations();

    private static TeamsConversationReference Reference(string key, string? channel = null, string? team = null, int minutes = 0) =>
        new(key, key + (channel is null ? string.Empty : ";messageid=1"), "https://smba.trafficmanager.net/amer/", TeamsIds.ClinicTenant,
            team, channel, channel is null ? "personal" : "channel", TeamsIds.BotId, "Clinic Assistant", Now.AddMinutes(minutes));

    [Fact]
    public async Task ReferencesAreFoundByChannelAndListedNewestFirst()
    {
        var store = CreateConversations();
        await store.SaveAsync(Reference("a:1", minutes: 1), default);
        await store.SaveAsync(Reference(TeamsIds.ChannelId, TeamsIds.ChannelId, TeamsIds.TeamId, minutes: 2), default);
        var channel = await store.FindChannelAsync(TeamsIds.ChannelId.ToUpperInvariant(), default);
        Assert.Equal(TeamsIds.TeamId, channel!.TeamId);
        Assert.Equal(["19:9f7c2f4b0e7e4f3c8b6d1a2b3c4d5e6f@thread.tacv2", "a:1"], (await store.ListAsync(10, default)).Select(r => r.Key));
        Assert.Null(await store.FindChannelAsync("19:unknown@thread.tacv2", default));
    }

    [Fact]
    public async Task AnUpdateKeepsWhatTheNewActivityDidNotSay()
    {
        var store = CreateConversations();
        await store.SaveAsync(Reference("k", TeamsIds.ChannelId, TeamsIds.TeamId), default);
        await store.SaveAsync(Reference("k", minutes: 5) with { ServiceUrl = "https://smba.trafficmanager.net/emea/", BotId = null }, default);
        var saved = Assert.Single(await store.ListAsync(10, default));
        Assert.Equal("https://smba.trafficmanager.net/emea/", saved.ServiceUrl);
        Assert.Equal(TeamsIds.TeamId, saved.TeamId);
        Assert.Equal(TeamsIds.ChannelId, saved.ChannelId);
        Assert.Equal(TeamsIds.BotId, saved.BotId);
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
}

public sealed class InMemoryTeamsConversationStoreTests : TeamsConversationStoreContractTests
{
    protected override ITeamsConversationStore CreateConversations() => new InMemoryTeamsConversationStore();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteTeamsConversationStoreTests : TeamsConversationStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override ITeamsConversationStore CreateConversations() => new SqliteTeamsConversationStore(_folder.NewDatabase());

    public void Dispose() => _folder.Dispose();
}

/// <summary>Ids in the shape Teams sends them.</summary>
internal static class TeamsIds
{
    public const string ClinicTenant = "11111111-2222-3333-4444-555555555555";
    public const string BotId = "28:00000000-aaaa-bbbb-cccc-000000000001";
    public const string TeamId = "19:0a1b2c3d4e5f40718293a4b5c6d7e8f9@thread.tacv2";
    public const string ChannelId = "19:9f7c2f4b0e7e4f3c8b6d1a2b3c4d5e6f@thread.tacv2";
}
