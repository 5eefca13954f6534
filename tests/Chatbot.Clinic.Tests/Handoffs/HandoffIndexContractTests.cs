using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;

namespace Chatbot.Clinic.Tests.Handoffs;

/// <summary>What every index of open hand-offs must do; one subclass per provider.</summary>
public abstract class HandoffIndexContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    protected abstract IHandoffIndex CreateHandoffs();

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

public sealed class InMemoryHandoffIndexTests : HandoffIndexContractTests
{
    protected override IHandoffIndex CreateHandoffs() => new InMemoryHandoffIndex();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteHandoffIndexTests : HandoffIndexContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override IHandoffIndex CreateHandoffs() => new SqliteHandoffIndex(_folder.NewDatabase());

    public void Dispose() => _folder.Dispose();
}
