using Chatbot.Testing;
using Chatbot.Tests.Infrastructure;
using Chatbot.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Chatbot.Clinic.Notifications;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Tests.Notifications;

[Collection(SqliteFilesCollection.Name)]
public sealed class NotificationDispatcherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-notify-").FullName;

    private SqliteNotificationOutbox NewSqliteOutbox() => new(new SqliteDatabase(Path.Combine(_folder, "chatbot.db")));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the OS cleans temp folders.
        }
    }

    [Fact]
    public async Task AReceiverFailingTwiceGetsTheNotificationOnTheThirdAttemptAfterBackoff()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500);
        await using var host = new NotificationTestHost(NewSqliteOutbox(), receiver.Url);
        var notification = await EnqueueAsync(host, "PSI-RETRY1");

        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));
        var first = Assert.Single(await host.Outbox.PendingAsync(10, CancellationToken.None));
        Assert.Equal(1, first.Attempts);
        Assert.Equal("webhook: HTTP 500 (InternalServerError)", first.LastError);
        AssertWithin(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(0.2), first.NextAttemptAt);

        // Not due yet: nothing is sent.
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(receiver.Received);

        host.Clock.Advance(TimeSpan.FromSeconds(1.3));
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));
        var second = Assert.Single(await host.Outbox.PendingAsync(10, CancellationToken.None));
        Assert.Equal(2, second.Attempts);
        AssertWithin(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(0.4), second.NextAttemptAt);

        host.Clock.Advance(TimeSpan.FromSeconds(4.5));
        Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Empty(await host.Outbox.PendingAsync(10, CancellationToken.None));
        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal(notification.Id, r.Headers["X-Clinic-Delivery"]));
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task WhileTheReceiverIsDownTheItemStaysPendingWithGrowingAttempts()
    {
        var down = await WebhookReceiver.DownUrlAsync();
        await using var host = new NotificationTestHost(NewSqliteOutbox(), down);
        await EnqueueAsync(host, "PSI-DOWN01");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));
            var item = Assert.Single(await host.Outbox.PendingAsync(10, CancellationToken.None));
            Assert.Equal(attempt, item.Attempts);
            Assert.StartsWith("webhook: HttpRequestException", item.LastError, StringComparison.Ordinal);
            host.Clock.Advance(item.NextAttemptAt - host.Clock.GetUtcNow());
        }

        // Nothing lost: a new database object on the same file (a restart) still has it.
        SqliteConnection.ClearAllPools();
        var restarted = Assert.Single(await NewSqliteOutbox().PendingAsync(10, CancellationToken.None));
        Assert.Equal(5, restarted.Attempts);
    }

    [Fact]
    public async Task AFailingReceiverGetsOneRequestPerPollNotOnePerWaitingItem()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500, 500);
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), receiver.Url);
        foreach (var reference in new[] { "PSI-BATCH1", "PSI-BATCH2", "PSI-BATCH3" })
        {
            await EnqueueAsync(host, reference);
            host.Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Single(receiver.Received);
        Assert.Equal([1, 0, 0], (await host.Outbox.PendingAsync(10, CancellationToken.None)).Select(i => i.Attempts));
        Assert.Equal(2, (await host.Outbox.DueAsync(host.Clock.GetUtcNow(), 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task WithNoChannelConfiguredItemsStayPendingUntouched()
    {
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), webhookUrl: null, secret: null);
        await EnqueueAsync(host, "PSI-NOCHAN");

        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var item = Assert.Single(await host.Outbox.PendingAsync(10, CancellationToken.None));
        Assert.Equal(0, item.Attempts);
        Assert.Null(item.LastError);
    }

    [Fact]
    public async Task WithNoChannelTheServiceSaysOnceThatNotificationsAreOnlyStored()
    {
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), webhookUrl: null, secret: null);
        var dispatcher = host.Dispatcher;

        // ExecuteAsync runs in the background (.NET 10) and returns at once when there is nothing to deliver to.
        await dispatcher.StartAsync(CancellationToken.None);
        await dispatcher.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        await dispatcher.StopAsync(CancellationToken.None);

        var line = Assert.Single(host.Logs, l => l.Category == typeof(NotificationDispatcher).FullName);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains("only stored", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRunningServiceDeliversOnTheNextPoll()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), receiver.Url);
        IHostedService service = host.Dispatcher;
        await service.StartAsync(CancellationToken.None);
        try
        {
            await EnqueueAsync(host, "PSI-LOOP01");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await host.Outbox.PendingAsync(10, CancellationToken.None)).Count > 0 && DateTime.UtcNow < deadline)
            {
                host.Clock.Advance(TimeSpan.FromSeconds(2));
                await Task.Delay(20);
            }

            Assert.Empty(await host.Outbox.PendingAsync(10, CancellationToken.None));
            Assert.Single(receiver.Received);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task FailuresAreLoggedWithoutPersonalDataOrTheSubject()
    {
        await using var receiver = await WebhookReceiver.StartAsync(503, 503);
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), receiver.Url);
        var notification = await EnqueueAsync(host, "PSI-LOGS01");
        for (var i = 0; i < 3; i++)
        {
            await host.Dispatcher.DispatchDueAsync(CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var lines = host.Logs.Where(l => l.Category.StartsWith("Chatbot.", StringComparison.Ordinal)).ToList();
        var warnings = lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains(notification.Id, w, StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Contains("HTTP 503", w, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level == LogLevel.Information && l.Message.Contains("delivered on attempt 3", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => TestBookings.ContainsPersonalData(l.Message) || l.Message.Contains(notification.Subject, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains(receiver.Url.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryConfiguredChannelGetsTheItemAndOneFailingChannelMeansRetry()
    {
        var outbox = new InMemoryNotificationOutbox();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        var good = new RecordingChannel("good", failures: 0);
        var flaky = new RecordingChannel("flaky", failures: 1);
        var off = new RecordingChannel("off", failures: 0, configured: false);
        var dispatcher = new NotificationDispatcher(outbox, [good, flaky, off], Options.Create(new NotificationOptions()), clock, NullLogger<NotificationDispatcher>.Instance, () => 0);
        var request = TestBookings.Request("PSI-MULTI1", clock.GetUtcNow());
        await outbox.EnqueueAsync(TestBookings.Notification(request), CancellationToken.None);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal("flaky: InvalidOperationException", Assert.Single(await outbox.PendingAsync(10, CancellationToken.None)).LastError);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(2, good.Calls); // At least once: receivers de-duplicate on the id.
        Assert.Equal(2, flaky.Calls);
        Assert.Equal(0, off.Calls);
    }

    [Theory]
    [InlineData(0, 0.0, 2)]
    [InlineData(1, 0.0, 4)]
    [InlineData(2, 0.0, 8)]
    [InlineData(0, 0.99, 2.198)]
    [InlineData(10, 0.0, 2048)]
    [InlineData(11, 0.0, 3600)]
    [InlineData(1000, 0.5, 3600)]
    public void BackoffDoublesFromTheInitialDelayUpToTheCap(int previousAttempts, double random, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, NotificationDispatcher.Backoff(new NotificationOptions(), previousAttempts, random).TotalSeconds, precision: 3);

    private static async Task<StaffNotification> EnqueueAsync(NotificationTestHost host, string reference)
    {
        var notification = TestBookings.Notification(TestBookings.Request(reference, host.Clock.GetUtcNow()));
        await host.Outbox.EnqueueAsync(notification, CancellationToken.None);
        return notification;
    }

    private static void AssertWithin(DateTimeOffset expected, TimeSpan plus, DateTimeOffset actual) =>
        Assert.InRange(actual, expected, expected + plus);

    private sealed class RecordingChannel(string name, int failures, bool configured = true) : INotificationChannel
    {
        private int _failuresLeft = failures;

        public int Calls { get; private set; }

        public string Name => name;

        public bool IsConfigured => configured;

        public Task DeliverAsync(StaffNotification notification, CancellationToken cancellationToken)
        {
            Calls++;
            return _failuresLeft-- > 0 ? Task.FromException(new InvalidOperationException("receiver said no")) : Task.CompletedTask;
        }
    }
}
