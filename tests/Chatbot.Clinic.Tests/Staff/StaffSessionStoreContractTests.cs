using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;
using Chatbot.Testing;

namespace Chatbot.Clinic.Tests.Staff;

/// <summary>What every store of staff sign-in sessions must do; one subclass per provider.</summary>
public abstract class StaffSessionStoreContractTests
{
    protected static readonly DateTimeOffset T0 = new(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);
    protected static readonly byte[] Ticket = [0, 1, 2, 255, 128, 7, 0];

    protected abstract IStaffSessionStore CreateStore();

    [ProviderFact]
    public async Task AnUnknownKeyHasNoSession()
    {
        Assert.Null(await CreateStore().GetAsync("nobody", T0, default));
    }

    [ProviderFact]
    public async Task ACreatedSessionComesBackByteForByteUntilItExpires()
    {
        var store = CreateStore();
        await store.CreateAsync("k1", Ticket, T0.AddHours(1), default);

        Assert.Equal(Ticket, await store.GetAsync("k1", T0, default));
        Assert.Equal(Ticket, await store.GetAsync("k1", T0.AddMinutes(59), default));
        Assert.Null(await store.GetAsync("k1", T0.AddHours(1), default));
        Assert.Null(await store.GetAsync("K1", T0, default));
    }

    [ProviderFact]
    public async Task ASessionWithoutExpiryDoesNotExpire()
    {
        var store = CreateStore();
        await store.CreateAsync("k1", Ticket, null, default);
        Assert.Equal(Ticket, await store.GetAsync("k1", T0.AddYears(5), default));
        Assert.Equal(0, await store.PurgeExpiredAsync(T0.AddYears(5), default));
    }

    [ProviderFact]
    public async Task RenewingReplacesTicketAndExpiryOfAnExistingSession()
    {
        var store = CreateStore();
        await store.CreateAsync("k1", Ticket, T0.AddMinutes(10), default);

        Assert.True(await store.RenewAsync("k1", [9, 9], T0.AddHours(2), default));

        Assert.Equal([9, 9], await store.GetAsync("k1", T0.AddHours(1), default));
    }

    [ProviderFact]
    public async Task ASignOutWinsOverALateRenewal()
    {
        var store = CreateStore();
        await store.CreateAsync("k1", Ticket, T0.AddHours(1), default);
        await store.RemoveAsync("k1", default);

        Assert.False(await store.RenewAsync("k1", Ticket, T0.AddHours(2), default));
        Assert.Null(await store.GetAsync("k1", T0, default));
        await store.RemoveAsync("k1", default);
    }

    [ProviderFact]
    public async Task PurgingDeletesExactlyTheExpiredSessions()
    {
        var store = CreateStore();
        await store.CreateAsync("old", Ticket, T0.AddMinutes(-1), default);
        await store.CreateAsync("now", Ticket, T0, default);
        await store.CreateAsync("live", Ticket, T0.AddMinutes(1), default);

        Assert.Equal(2, await store.PurgeExpiredAsync(T0, default));

        Assert.Equal(Ticket, await store.GetAsync("live", T0, default));
        Assert.False(await store.RenewAsync("old", Ticket, T0.AddHours(1), default));
        Assert.Equal(0, await store.PurgeExpiredAsync(T0, default));
    }
}

public sealed class InMemoryStaffSessionStoreTests : StaffSessionStoreContractTests
{
    protected override IStaffSessionStore CreateStore() => new InMemoryStaffSessionStore();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteStaffSessionStoreTests : StaffSessionStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override IStaffSessionStore CreateStore() => new SqliteStaffSessionStore(_folder.NewDatabase());

    [ProviderFact]
    public async Task TwoConnectionsToOneFileShareTheSessions()
    {
        var path = _folder.PathOf("shared.db");
        await new SqliteStaffSessionStore(new SqliteDatabase(path)).CreateAsync("k1", Ticket, T0.AddHours(1), default);
        var other = new SqliteStaffSessionStore(new SqliteDatabase(path));
        Assert.Equal(Ticket, await other.GetAsync("k1", T0, default));
        await other.RemoveAsync("k1", default);
        Assert.Null(await new SqliteStaffSessionStore(new SqliteDatabase(path)).GetAsync("k1", T0, default));
    }

    public void Dispose() => _folder.Dispose();
}
