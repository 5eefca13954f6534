using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;

namespace Chatbot.Clinic.Tests.Staff;

/// <summary>What every staff account store must do; one subclass per provider.</summary>
public abstract class StaffAccountStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    protected abstract IStaffAccountStore CreateStore();

    private static StaffAccount Account(string name) => new(name, "hash-of-" + name, 0, null, Now, null);

    [Fact]
    public async Task AUserNameIsTakenOnceInAnyCaseAndFoundInAnyCase()
    {
        var store = CreateStore();
        Assert.True(await store.CreateAsync(Account("Sam.Rivera"), default));
        Assert.False(await store.CreateAsync(Account("sam.rivera") with { PasswordHash = "other" }, default));

        var found = await store.FindAsync("SAM.RIVERA", default);
        Assert.Equal(("Sam.Rivera", "hash-of-Sam.Rivera", Now), (found!.UserName, found.PasswordHash, found.CreatedAt));
        Assert.Null(await store.FindAsync("nobody", default));
    }

    [Fact]
    public async Task AccountsAreListedByUserName()
    {
        var store = CreateStore();
        await store.CreateAsync(Account("zoe"), default);
        await store.CreateAsync(Account("Alex"), default);
        await store.CreateAsync(Account("maria"), default);

        Assert.Equal(["Alex", "maria", "zoe"], (await store.ListAsync(default)).Select(a => a.UserName));
    }

    [Fact]
    public async Task TheLastAllowedFailureLocksTheAccountAndStartsTheCountAgain()
    {
        var store = CreateStore();
        await store.CreateAsync(Account("sam"), default);

        Assert.Equal(1, (await store.RecordFailureAsync("sam", 3, Now.AddMinutes(15), default))!.FailedSignIns);
        Assert.Equal(2, (await store.RecordFailureAsync("SAM", 3, Now.AddMinutes(15), default))!.FailedSignIns);
        var locked = await store.RecordFailureAsync("sam", 3, Now.AddMinutes(15), default);

        Assert.Equal((0, Now.AddMinutes(15)), (locked!.FailedSignIns, locked.LockedOutUntil));
        Assert.True(locked.IsLockedOut(Now));
        Assert.False(locked.IsLockedOut(Now.AddMinutes(16)));
        Assert.Null(await store.RecordFailureAsync("nobody", 3, Now, default));
    }

    [Fact]
    public async Task ASuccessfulSignInClearsFailuresAndMayReplaceTheHash()
    {
        var store = CreateStore();
        await store.CreateAsync(Account("sam"), default);
        await store.RecordFailureAsync("sam", 5, Now.AddMinutes(15), default);

        await store.RecordSuccessAsync("sam", Now.AddMinutes(1), "rehashed", default);
        var account = await store.FindAsync("sam", default);
        Assert.Equal((0, (DateTimeOffset?)null, (DateTimeOffset?)Now.AddMinutes(1), "rehashed"),
            (account!.FailedSignIns, account.LockedOutUntil, account.LastSignInAt, account.PasswordHash));

        await store.RecordSuccessAsync("sam", Now.AddMinutes(2), null, default);
        Assert.Equal("rehashed", (await store.FindAsync("sam", default))!.PasswordHash);
    }

    [Fact]
    public async Task UnlockingClearsTheLockOut()
    {
        var store = CreateStore();
        await store.CreateAsync(Account("sam"), default);
        await store.RecordFailureAsync("sam", 1, Now.AddHours(1), default);

        Assert.True(await store.UnlockAsync("Sam", default));
        Assert.False((await store.FindAsync("sam", default))!.IsLockedOut(Now));
        Assert.False(await store.UnlockAsync("nobody", default));
    }
}

public sealed class InMemoryStaffAccountStoreTests : StaffAccountStoreContractTests
{
    protected override IStaffAccountStore CreateStore() => new InMemoryStaffAccountStore();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteStaffAccountStoreTests : StaffAccountStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override IStaffAccountStore CreateStore() => new SqliteStaffAccountStore(_folder.NewDatabase());

    public void Dispose() => _folder.Dispose();
}
