using Chatbot.Testing;
using Chatbot.Clinic.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Clinic.Tests.Bookings;

/// <summary>The behaviour every booking store must have; one subclass per provider.</summary>
public abstract class BookingStoreContractTests
{
    protected static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    protected abstract (IBookingStore Store, INotificationOutbox Outbox) Create();

    [Fact]
    public async Task AddStoresTheRequestItsFirstHistoryEntryAndItsNotification()
    {
        var (store, outbox) = Create();
        var request = TestBookings.Request("PSI-ADD001", Now);
        var notification = TestBookings.Notification(request);

        await store.AddAsync(request, notification, CancellationToken.None);

        Assert.Equal(request, await store.GetAsync("PSI-ADD001", CancellationToken.None));
        var change = Assert.Single(await store.HistoryAsync("PSI-ADD001", CancellationToken.None));
        Assert.Equal(new BookingStatusChange("PSI-ADD001", BookingStatus.New, Now, "bot"), change);
        Assert.Equal(notification, Assert.Single(await outbox.PendingAsync(10, CancellationToken.None)).Notification);
    }

    [Fact]
    public async Task ADuplicateReferenceIsRefusedAndQueuesNoSecondNotification()
    {
        var (store, outbox) = Create();
        var request = TestBookings.Request("PSI-DUP001", Now);
        await store.AddAsync(request, TestBookings.Notification(request), CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => store.AddAsync(request with { Name = "Someone Else" }, TestBookings.Notification(request), CancellationToken.None));

        Assert.Equal(TestBookings.Name, (await store.GetAsync("PSI-DUP001", CancellationToken.None))!.Name);
        Assert.Single(await store.HistoryAsync("PSI-DUP001", CancellationToken.None));
        Assert.Single(await outbox.PendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task ListIsNewestFirstFilteredByStatusAndLimited()
    {
        var (store, _) = Create();
        foreach (var (reference, minutes) in new[] { ("PSI-OLD001", 0), ("PSI-NEW001", 20), ("PSI-MID001", 10) })
        {
            var request = TestBookings.Request(reference, Now.AddMinutes(minutes));
            await store.AddAsync(request, TestBookings.Notification(request), CancellationToken.None);
        }

        await store.SetStatusAsync("PSI-MID001", BookingStatus.Contacted, "anna", Now.AddHours(1), CancellationToken.None);

        Assert.Equal(["PSI-NEW001", "PSI-MID001", "PSI-OLD001"], (await store.ListAsync(null, 10, CancellationToken.None)).Select(r => r.Reference));
        Assert.Equal(["PSI-NEW001", "PSI-OLD001"], (await store.ListAsync(BookingStatus.New, 10, CancellationToken.None)).Select(r => r.Reference));
        Assert.Equal(["PSI-MID001"], (await store.ListAsync(BookingStatus.Contacted, 10, CancellationToken.None)).Select(r => r.Reference));
        Assert.Empty(await store.ListAsync(BookingStatus.Booked, 10, CancellationToken.None));
        Assert.Equal(["PSI-NEW001", "PSI-MID001"], (await store.ListAsync(null, 2, CancellationToken.None)).Select(r => r.Reference));
    }

    [Fact]
    public async Task TheWorkflowIsRecordedWithWhoAndWhen()
    {
        var (store, _) = Create();
        var request = TestBookings.Request("PSI-FLOW01", Now);
        await store.AddAsync(request, TestBookings.Notification(request), CancellationToken.None);

        var contacted = await store.SetStatusAsync("PSI-FLOW01", BookingStatus.Contacted, "anna", Now.AddHours(1), CancellationToken.None);
        await store.SetStatusAsync("PSI-FLOW01", BookingStatus.Booked, "ben", Now.AddHours(2), CancellationToken.None);
        var cancelled = await store.SetStatusAsync("PSI-FLOW01", BookingStatus.Cancelled, "anna", Now.AddDays(1), CancellationToken.None);

        Assert.Equal(BookingStatus.Contacted, contacted!.Status);
        Assert.Equal((BookingStatus.Cancelled, "anna", Now.AddDays(1)), (cancelled!.Status, cancelled.StatusChangedBy, cancelled.StatusChangedAt));
        Assert.Equal(cancelled, await store.GetAsync("PSI-FLOW01", CancellationToken.None));
        Assert.Equal(
            [
                new BookingStatusChange("PSI-FLOW01", BookingStatus.New, Now, "bot"),
                new BookingStatusChange("PSI-FLOW01", BookingStatus.Contacted, Now.AddHours(1), "anna"),
                new BookingStatusChange("PSI-FLOW01", BookingStatus.Booked, Now.AddHours(2), "ben"),
                new BookingStatusChange("PSI-FLOW01", BookingStatus.Cancelled, Now.AddDays(1), "anna"),
            ],
            await store.HistoryAsync("PSI-FLOW01", CancellationToken.None));
    }

    [Theory]
    [InlineData(BookingStatus.Contacted, BookingStatus.New)]
    [InlineData(BookingStatus.Booked, BookingStatus.Contacted)]
    [InlineData(BookingStatus.Cancelled, BookingStatus.New)]
    [InlineData(BookingStatus.Cancelled, BookingStatus.Booked)]
    [InlineData(BookingStatus.Contacted, BookingStatus.Contacted)]
    public async Task ARefusedChangeThrowsAndChangesNothing(BookingStatus from, BookingStatus to)
    {
        var (store, _) = Create();
        var request = TestBookings.Request("PSI-REFUSE", Now);
        await store.AddAsync(request, TestBookings.Notification(request), CancellationToken.None);
        await store.SetStatusAsync("PSI-REFUSE", from, "anna", Now.AddHours(1), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidBookingStatusChangeException>(() => store.SetStatusAsync("PSI-REFUSE", to, "ben", Now.AddHours(2), CancellationToken.None));

        Assert.Equal((from, to), (error.From, error.To));
        Assert.Equal(from, (await store.GetAsync("PSI-REFUSE", CancellationToken.None))!.Status);
        Assert.Equal(2, (await store.HistoryAsync("PSI-REFUSE", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AnUnknownReferenceIsNullEverywhere()
    {
        var (store, _) = Create();

        Assert.Null(await store.GetAsync("PSI-NOPE00", CancellationToken.None));
        Assert.Null(await store.SetStatusAsync("PSI-NOPE00", BookingStatus.Contacted, "anna", Now, CancellationToken.None));
        Assert.Empty(await store.HistoryAsync("PSI-NOPE00", CancellationToken.None));
    }

    [Theory]
    [InlineData(BookingStatus.New, BookingStatus.Contacted, true)]
    [InlineData(BookingStatus.New, BookingStatus.Booked, true)]
    [InlineData(BookingStatus.New, BookingStatus.Cancelled, true)]
    [InlineData(BookingStatus.Contacted, BookingStatus.Booked, true)]
    [InlineData(BookingStatus.Contacted, BookingStatus.Cancelled, true)]
    [InlineData(BookingStatus.Booked, BookingStatus.Cancelled, true)]
    [InlineData(BookingStatus.New, BookingStatus.New, false)]
    [InlineData(BookingStatus.Contacted, BookingStatus.New, false)]
    [InlineData(BookingStatus.Booked, BookingStatus.New, false)]
    [InlineData(BookingStatus.Booked, BookingStatus.Contacted, false)]
    [InlineData(BookingStatus.Booked, BookingStatus.Booked, false)]
    [InlineData(BookingStatus.Cancelled, BookingStatus.New, false)]
    [InlineData(BookingStatus.Cancelled, BookingStatus.Contacted, false)]
    [InlineData(BookingStatus.Cancelled, BookingStatus.Booked, false)]
    [InlineData(BookingStatus.Cancelled, BookingStatus.Cancelled, false)]
    public void TheWorkflowAllowsOnlyForwardChanges(BookingStatus from, BookingStatus to, bool allowed) =>
        Assert.Equal(allowed, InvalidBookingStatusChangeException.IsAllowed(from, to));
}

public sealed class InMemoryBookingStoreTests : BookingStoreContractTests
{
    protected override (IBookingStore Store, INotificationOutbox Outbox) Create()
    {
        var outbox = new InMemoryNotificationOutbox();
        return (new InMemoryBookingStore(outbox), outbox);
    }
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteBookingStoreTests : BookingStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    private string DatabasePath => _folder.PathOf("chatbot.db");

    protected override (IBookingStore Store, INotificationOutbox Outbox) Create()
    {
        var database = new SqliteDatabase(DatabasePath);
        return (new SqliteBookingStore(database), new SqliteNotificationOutbox(database));
    }

    [Fact]
    public async Task ARequestWhoseNotificationCannotBeQueuedIsNotStoredEither()
    {
        var (store, outbox) = Create();
        var first = TestBookings.Request("PSI-ATOM01", Now);
        await store.AddAsync(first, TestBookings.Notification(first, id: "same-id"), CancellationToken.None);
        var second = TestBookings.Request("PSI-ATOM02", Now.AddMinutes(1));

        // The outbox insert (third statement of the transaction) fails on the duplicate id.
        await Assert.ThrowsAsync<SqliteException>(() => store.AddAsync(second, TestBookings.Notification(second, id: "same-id"), CancellationToken.None));

        Assert.Null(await store.GetAsync("PSI-ATOM02", CancellationToken.None));
        Assert.Empty(await store.HistoryAsync("PSI-ATOM02", CancellationToken.None));
        Assert.Equal("PSI-ATOM01", Assert.Single(await store.ListAsync(null, 10, CancellationToken.None)).Reference);
        Assert.Single(await outbox.PendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task EverythingSurvivesANewDatabaseObjectOnTheSameFile()
    {
        var (store, _) = Create();
        var request = TestBookings.Request("PSI-KEEP01", Now);
        var notification = TestBookings.Notification(request);
        await store.AddAsync(request, notification, CancellationToken.None);
        await store.SetStatusAsync("PSI-KEEP01", BookingStatus.Contacted, "anna", Now.AddHours(1), CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var (reopened, outbox) = Create();

        var stored = await reopened.GetAsync("PSI-KEEP01", CancellationToken.None);
        Assert.Equal(request with { Status = BookingStatus.Contacted, StatusChangedBy = "anna", StatusChangedAt = Now.AddHours(1) }, stored);
        Assert.Equal(2, (await reopened.HistoryAsync("PSI-KEEP01", CancellationToken.None)).Count);
        Assert.Equal(notification, Assert.Single(await outbox.PendingAsync(10, CancellationToken.None)).Notification);
    }

    public void Dispose() => _folder.Dispose();
}
