using Chatbot.Clinic.Handoffs;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;
using Chatbot.Testing;

namespace Chatbot.Clinic.Tests.Handoffs;

/// <summary>What every store of live hand-offs must do; one subclass per provider.</summary>
public abstract class LiveHandoffStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);
    private static readonly LiveHandoffSeat Thread = new("msteams", "19:staff@thread.tacv2;messageid=1", "https://smba.test/amer/", "tenant", "28:bot");

    protected abstract ILiveHandoffStore CreateStore();

    [ProviderFact]
    public async Task AWaitingHandOffIsTakenOnceAndFoundByItsStaffConversation()
    {
        var store = CreateStore();
        await store.CreateAsync(Handoff("H-AAAAAA", "@directline/conversations/1"), default);
        Assert.Equal(LiveHandoffStatus.Waiting, (await store.FindOpenAsync("@directline/conversations/1", default))!.Status);

        var taken = await store.TryTakeAsync("h-aaaaaa", "Dana (aad:1)", Thread, Now.AddMinutes(1), default);
        Assert.NotNull(taken);
        Assert.Equal((LiveHandoffStatus.Taken, "Dana (aad:1)", Thread), (taken.Status, taken.TakenBy, taken.Seat));
        Assert.Null(await store.TryTakeAsync("H-AAAAAA", "Sam", LiveHandoffSeat.StaffPage, Now.AddMinutes(2), default));

        var found = await store.FindTakenInAsync(Thread.ConversationId, default);
        Assert.Equal(("H-AAAAAA", Thread), (found!.Reference, found.Seat));
        Assert.Null(await store.FindTakenInAsync("19:other", default));
        Assert.Equal(taken, await store.GetAsync("H-AAAAAA", default));
    }

    [ProviderFact]
    public async Task EndingIsDoneOnceAndDeletesTheMessages()
    {
        var store = CreateStore();
        await store.CreateAsync(Handoff("H-BBBBBB", "@directline/conversations/2"), default);
        var first = await store.AddMessageAsync("H-BBBBBB", LiveHandoffSender.Patient, string.Empty, "my knee hurts", Now, default);
        var second = await store.AddMessageAsync("H-BBBBBB", LiveHandoffSender.Staff, "Dana", "I can help", Now.AddSeconds(1), default);
        Assert.True(second > first);
        var read = await store.ReadMessagesAsync("H-BBBBBB", 0, 10, default);
        Assert.Equal([(LiveHandoffSender.Patient, "my knee hurts"), (LiveHandoffSender.Staff, "I can help")], read.Select(m => (m.Sender, m.Text)));
        Assert.Equal(["I can help"], (await store.ReadMessagesAsync("H-BBBBBB", first!.Value, 10, default)).Select(m => m.Text));

        var ended = await store.TryEndAsync("H-BBBBBB", "patient", Now.AddMinutes(3), default);
        Assert.Equal((LiveHandoffStatus.Ended, "patient", Now.AddMinutes(3)), (ended!.Status, ended.EndedBy, ended.EndedAt));
        Assert.Null(await store.TryEndAsync("H-BBBBBB", "Dana", Now.AddMinutes(4), default));
        Assert.Empty(await store.ReadMessagesAsync("H-BBBBBB", 0, 10, default));
        Assert.Null(await store.AddMessageAsync("H-BBBBBB", LiveHandoffSender.Patient, string.Empty, "hello?", Now.AddMinutes(5), default));
        Assert.Null(await store.FindOpenAsync("@directline/conversations/2", default));
        Assert.Null(await store.TryTakeAsync("H-BBBBBB", "Dana", Thread, Now.AddMinutes(5), default));
    }

    [ProviderFact]
    public async Task OnlyDueWaitingHandOffsTimeOutAndEachIsClaimedOnce()
    {
        var store = CreateStore();
        await store.CreateAsync(Handoff("H-DUE111", "k/1", takeByMinutes: 5), default);
        await store.CreateAsync(Handoff("H-LATER2", "k/2", takeByMinutes: 10), default);
        await store.CreateAsync(Handoff("H-TAKEN3", "k/3", takeByMinutes: 5), default);
        await store.TryTakeAsync("H-TAKEN3", "Dana", Thread, Now.AddMinutes(1), default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.ClaimTimedOutAsync(Now.AddMinutes(6), 10, default)));
        var claimed = Assert.Single(claims.SelectMany(c => c));
        Assert.Equal(("H-DUE111", LiveHandoffStatus.TimedOut, "timeout"), (claimed.Reference, claimed.Status, claimed.EndedBy));
        Assert.Null(await store.TryTakeAsync("H-DUE111", "Dana", Thread, Now.AddMinutes(6), default));
        Assert.Equal(["H-LATER2", "H-TAKEN3"], (await store.ListOpenAsync(10, default)).Select(h => h.Reference).Order());

        // A waiting hand-off past its time can no longer be taken, even before the sweep.
        Assert.Null(await store.TryTakeAsync("H-LATER2", "Dana", Thread, Now.AddMinutes(11), default));
    }

    [ProviderFact]
    public async Task ANewHandOffOfTheSameConversationEndsTheOpenOne()
    {
        var store = CreateStore();
        await store.CreateAsync(Handoff("H-OLD111", "k/9"), default);
        await store.AddMessageAsync("H-OLD111", LiveHandoffSender.Patient, string.Empty, "hi", Now, default);
        await store.CreateAsync(Handoff("H-NEW222", "k/9") with { Reason = HandoffReason.Crisis }, default);
        Assert.Equal(("H-NEW222", HandoffReason.Crisis), ((await store.FindOpenAsync("k/9", default))!.Reference, (await store.FindOpenAsync("k/9", default))!.Reason));
        Assert.Equal((LiveHandoffStatus.Ended, "replaced"), ((await store.GetAsync("H-OLD111", default))!.Status, (await store.GetAsync("H-OLD111", default))!.EndedBy));
        Assert.Empty(await store.ReadMessagesAsync("H-OLD111", 0, 10, default));
        Assert.Equal(["H-NEW222"], (await store.ListOpenAsync(10, default)).Select(h => h.Reference));
    }

    [ProviderFact]
    public async Task EndedHandOffsAreDeletedAfterTheCutoff()
    {
        var store = CreateStore();
        await store.CreateAsync(Handoff("H-GONE11", "k/1"), default);
        await store.CreateAsync(Handoff("H-OPEN22", "k/2"), default);
        await store.TryEndAsync("H-GONE11", "Dana", Now, default);
        Assert.Equal(1, await store.DeleteEndedBeforeAsync(Now.AddDays(1), default));
        Assert.Null(await store.GetAsync("H-GONE11", default));
        Assert.NotNull(await store.GetAsync("H-OPEN22", default));
    }

    private static LiveHandoff Handoff(string reference, string stateKey, int takeByMinutes = 5) =>
        new(reference, stateKey, "webchat", stateKey.Split('/')[^1], string.Empty, "dl_user", HandoffReason.Requested, Now, Now.AddMinutes(takeByMinutes));
}

public sealed class InMemoryLiveHandoffStoreTests : LiveHandoffStoreContractTests
{
    protected override ILiveHandoffStore CreateStore() => new InMemoryLiveHandoffStore();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteLiveHandoffStoreTests : LiveHandoffStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override ILiveHandoffStore CreateStore() => new SqliteLiveHandoffStore(_folder.NewDatabase());

    public void Dispose() => _folder.Dispose();
}
