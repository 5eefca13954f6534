using Chatbot.Testing;
using Chatbot.Clinic.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Clinic.Tests.Notifications;

/// <summary>The behaviour every notification outbox must have; one subclass per provider.</summary>
public abstract class NotificationOutboxContractTests
{
    protected static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    protected abstract INotificationOutbox CreateOutbox();

    [Fact]
    public async Task AnEnqueuedItemIsDueAtOnceAndPending()
    {
        var outbox = CreateOutbox();
        var notification = Notification("a", Now);
        await outbox.EnqueueAsync(notification, CancellationToken.None);

        var due = Assert.Single(await outbox.DueAsync(Now, 10, CancellationToken.None));
        Assert.Equal(notification, due.Notification);
        Assert.Equal(0, due.Attempts);
        Assert.Null(due.LastError);
        Assert.Single(await outbox.PendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task AFailedItemIsNotDueBeforeItsNextAttemptAndKeepsItsError()
    {
        var outbox = CreateOutbox();
        await outbox.EnqueueAsync(Notification("a", Now), CancellationToken.None);

        await outbox.MarkFailedAsync("a", "webhook: HTTP 500", Now.AddSeconds(2), CancellationToken.None);
        await outbox.MarkFailedAsync("a", "webhook: HTTP 502", Now.AddSeconds(6), CancellationToken.None);

        Assert.Empty(await outbox.DueAsync(Now.AddSeconds(5), 10, CancellationToken.None));
        var due = Assert.Single(await outbox.DueAsync(Now.AddSeconds(6), 10, CancellationToken.None));
        Assert.Equal(2, due.Attempts);
        Assert.Equal("webhook: HTTP 502", due.LastError);
        Assert.Equal(Now.AddSeconds(6), due.NextAttemptAt);
        Assert.Single(await outbox.PendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task ADeliveredItemIsNeitherDueNorPending()
    {
        var outbox = CreateOutbox();
        await outbox.EnqueueAsync(Notification("a", Now), CancellationToken.None);
        await outbox.EnqueueAsync(Notification("b", Now.AddSeconds(1)), CancellationToken.None);

        await outbox.MarkDeliveredAsync("a", Now.AddSeconds(2), CancellationToken.None);

        Assert.Equal("b", Assert.Single(await outbox.DueAsync(Now.AddHours(1), 10, CancellationToken.None)).Notification.Id);
        Assert.Equal("b", Assert.Single(await outbox.PendingAsync(10, CancellationToken.None)).Notification.Id);
    }

    [Fact]
    public async Task PendingIsOldestFirstAndLimited()
    {
        var outbox = CreateOutbox();
        await outbox.EnqueueAsync(Notification("second", Now.AddMinutes(1)), CancellationToken.None);
        await outbox.EnqueueAsync(Notification("first", Now), CancellationToken.None);
        await outbox.EnqueueAsync(Notification("third", Now.AddMinutes(2)), CancellationToken.None);

        Assert.Equal(["first", "second", "third"], (await outbox.PendingAsync(10, CancellationToken.None)).Select(i => i.Notification.Id));
        Assert.Equal(["first", "second"], (await outbox.PendingAsync(2, CancellationToken.None)).Select(i => i.Notification.Id));
    }

    [Fact]
    public async Task DueIsEarliestAttemptFirstAndLimited()
    {
        var outbox = CreateOutbox();
        await outbox.EnqueueAsync(Notification("a", Now), CancellationToken.None);
        await outbox.EnqueueAsync(Notification("b", Now.AddSeconds(1)), CancellationToken.None);
        await outbox.EnqueueAsync(Notification("c", Now.AddSeconds(2)), CancellationToken.None);
        await outbox.MarkFailedAsync("a", "x", Now.AddMinutes(5), CancellationToken.None);

        Assert.Equal(["b", "c"], (await outbox.DueAsync(Now.AddMinutes(1), 10, CancellationToken.None)).Select(i => i.Notification.Id));
        Assert.Equal(["b", "c", "a"], (await outbox.DueAsync(Now.AddMinutes(5), 10, CancellationToken.None)).Select(i => i.Notification.Id));
        Assert.Equal(["b"], (await outbox.DueAsync(Now.AddMinutes(5), 1, CancellationToken.None)).Select(i => i.Notification.Id));
    }

    [Fact]
    public async Task AnItemIsNotDueBeforeItWasCreated()
    {
        var outbox = CreateOutbox();
        await outbox.EnqueueAsync(Notification("later", Now.AddMinutes(1)), CancellationToken.None);

        Assert.Empty(await outbox.DueAsync(Now, 10, CancellationToken.None));
        Assert.Single(await outbox.PendingAsync(10, CancellationToken.None));
    }

    protected static StaffNotification Notification(string id, DateTimeOffset createdAt) =>
        new(id, StaffNotificationKind.BookingRequested, createdAt, $"New booking request {id}", $$"""{"reference":"{{id}}"}""");
}

public sealed class InMemoryNotificationOutboxTests : NotificationOutboxContractTests
{
    protected override INotificationOutbox CreateOutbox() => new InMemoryNotificationOutbox();
}

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteNotificationOutboxTests : NotificationOutboxContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    private string DatabasePath => _folder.PathOf("chatbot.db");

    protected override INotificationOutbox CreateOutbox() => new SqliteNotificationOutbox(new SqliteDatabase(DatabasePath));

    [Fact]
    public async Task PendingItemsAndTheirAttemptsSurviveARestart()
    {
        var outbox = CreateOutbox();
        await outbox.EnqueueAsync(Notification("a", Now), CancellationToken.None);
        await outbox.MarkFailedAsync("a", "webhook: HTTP 500", Now.AddSeconds(2), CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var item = Assert.Single(await new SqliteNotificationOutbox(new SqliteDatabase(DatabasePath)).PendingAsync(10, CancellationToken.None));
        Assert.Equal(1, item.Attempts);
        Assert.Equal(Now, item.Notification.CreatedAt);
        Assert.Equal("""{"reference":"a"}""", item.Notification.PayloadJson);
    }

    public void Dispose() => _folder.Dispose();
}
