using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;

namespace Chatbot.Clinic.Tests.Staff;

/// <summary>What every staff audit log must do; one subclass per provider.</summary>
public abstract class StaffAuditLogContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    protected abstract IStaffAuditLog CreateLog();

    private static StaffAuditRecord Record(string action, string? entry = null, int minutesAgo = 0) =>
        new(0, Now.AddMinutes(-minutesAgo), "sam", action, entry, entry is null ? null : "faq-data/cost.json", "{\"a\":1}", "{\"a\":2}", null);

    [Fact]
    public async Task RecordsAreListedNewestFirstAndByEntry()
    {
        var log = CreateLog();
        await log.AppendAsync(Record(StaffAuditActions.SignIn, minutesAgo: 3), default);
        await log.AppendAsync(Record(StaffAuditActions.Edit, "faq/cost", 2), default);
        await log.AppendAsync(Record(StaffAuditActions.Edit, "faq/parking", 1), default);

        Assert.Equal([StaffAuditActions.Edit, StaffAuditActions.Edit, StaffAuditActions.SignIn], (await log.ListAsync(null, 10, default)).Select(r => r.Action));
        var forCost = Assert.Single(await log.ListAsync("faq/cost", 10, default));
        Assert.Equal(("sam", "faq-data/cost.json", "{\"a\":1}", "{\"a\":2}", Now.AddMinutes(-2)), (forCost.User, forCost.File, forCost.Before, forCost.After, forCost.At));
        Assert.Single(await log.ListAsync(null, 1, default));
    }

    [Fact]
    public async Task AChangeThatFailsLeavesNoRecord()
    {
        var log = CreateLog();
        await Assert.ThrowsAsync<IOException>(() =>
            log.AppendWithChangeAsync(Record(StaffAuditActions.Edit, "faq/cost"), _ => throw new IOException("disk full"), default));

        Assert.Empty(await log.ListAsync(null, 10, default));
    }

    [Fact]
    public async Task AChangeThatSucceedsIsRecordedAfterItRan()
    {
        var log = CreateLog();
        var changed = false;
        await log.AppendWithChangeAsync(Record(StaffAuditActions.Publish), _ => { changed = true; return Task.CompletedTask; }, default);

        Assert.True(changed);
        Assert.Equal(StaffAuditActions.Publish, Assert.Single(await log.ListAsync(null, 10, default)).Action);
    }

    [Fact]
    public async Task PurgingRemovesRecordsOlderThanTheCutOff()
    {
        var log = CreateLog();
        await log.AppendAsync(Record(StaffAuditActions.SignIn, minutesAgo: 60 * 24 * 3000), default);
        await log.AppendAsync(Record(StaffAuditActions.SignOut), default);

        Assert.Equal(1, await log.PurgeAsync(Now.AddDays(-2190), default));
        Assert.Equal(StaffAuditActions.SignOut, Assert.Single(await log.ListAsync(null, 10, default)).Action);
    }
}

public sealed class InMemoryStaffAuditLogTests : StaffAuditLogContractTests
{
    protected override IStaffAuditLog CreateLog() => new InMemoryStaffAuditLog();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteStaffAuditLogTests : StaffAuditLogContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override IStaffAuditLog CreateLog() => new SqliteStaffAuditLog(_folder.NewDatabase());

    public void Dispose() => _folder.Dispose();
}
