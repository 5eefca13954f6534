using Chatbot.Testing;
using System.Collections.Concurrent;
using Chatbot.Booking;
using Chatbot.Notifications;
using Chatbot.Tests.Infrastructure;
using Chatbot.Tests.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Tests.Booking;

public sealed class PendingBookingRetryTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _logs = new();
    private readonly Mock<IBookingStore> _store = new();
    private readonly PendingBookingQueue _queue;
    private readonly PendingBookingRetryService _service;
    private readonly ILoggerFactory _loggerFactory;

    public PendingBookingRetryTests()
    {
        _queue = new PendingBookingQueue(_clock);
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new RecordingLoggerProvider(_logs)));
        _service = new PendingBookingRetryService(_queue, _store.Object, _clock, _loggerFactory.CreateLogger<PendingBookingRetryService>());
    }

    public void Dispose()
    {
        _service.Dispose();
        _loggerFactory.Dispose();
    }

    [Fact]
    public async Task AStoreThatFailsTwiceIsRetriedWithBackoffUntilTheRequestIsSaved()
    {
        var (request, notification) = Pending("PSI-RETRY1");
        _store.SetupSequence(s => s.AddAsync(request, notification, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("disk unavailable"))
            .ThrowsAsync(new IOException("disk unavailable"))
            .Returns(Task.CompletedTask);
        _queue.Enqueue(request, notification);

        Assert.Equal(0, await _service.RetryDueAsync(CancellationToken.None));
        Assert.Equal(1, _queue.Count);
        Assert.Equal(_clock.GetUtcNow() + PendingBookingRetryService.InitialDelay, _service.NextAttemptAt);

        // Not due yet: no call.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _service.RetryDueAsync(CancellationToken.None));
        _store.Verify(s => s.AddAsync(request, notification, It.IsAny<CancellationToken>()), Times.Once);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _service.RetryDueAsync(CancellationToken.None));
        Assert.Equal(_clock.GetUtcNow() + (2 * PendingBookingRetryService.InitialDelay), _service.NextAttemptAt);

        _clock.Advance(2 * PendingBookingRetryService.InitialDelay);
        Assert.Equal(1, await _service.RetryDueAsync(CancellationToken.None));

        Assert.Equal(0, _queue.Count);
        _store.Verify(s => s.AddAsync(request, notification, It.IsAny<CancellationToken>()), Times.Exactly(3));
        Assert.Equal(2, _logs.Count(l => l.Level == LogLevel.Warning));
        Assert.All(_logs.Where(l => l.Level == LogLevel.Warning), l => Assert.Contains("PSI-RETRY1", l.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs, l => TestBookings.ContainsPersonalData(l.Message) || l.Message.Contains("disk unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestsAreSavedOldestFirstAndAFailureStopsTheRound()
    {
        var saved = new List<string>();
        var failNext = true;
        _store.Setup(s => s.AddAsync(It.IsAny<BookingRequest>(), It.IsAny<StaffNotification>(), It.IsAny<CancellationToken>()))
            .Returns((BookingRequest r, StaffNotification _, CancellationToken _) =>
            {
                if (r.Reference == "PSI-SECOND" && failNext)
                {
                    failNext = false;
                    return Task.FromException(new IOException("locked"));
                }

                saved.Add(r.Reference);
                return Task.CompletedTask;
            });
        foreach (var reference in new[] { "PSI-FIRST1", "PSI-SECOND", "PSI-THIRD1" })
        {
            var (request, notification) = Pending(reference);
            _queue.Enqueue(request, notification);
        }

        Assert.Equal(1, await _service.RetryDueAsync(CancellationToken.None));
        Assert.Equal(["PSI-SECOND", "PSI-THIRD1"], _queue.References());

        _clock.Advance(PendingBookingRetryService.InitialDelay);
        Assert.Equal(2, await _service.RetryDueAsync(CancellationToken.None));
        Assert.Equal(["PSI-FIRST1", "PSI-SECOND", "PSI-THIRD1"], saved);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public async Task ARequestAnEarlierAttemptAlreadyStoredIsNotStoredTwice()
    {
        var (request, notification) = Pending("PSI-TWICE1");
        _store.Setup(s => s.AddAsync(request, notification, It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("duplicate"));
        _store.Setup(s => s.GetAsync("PSI-TWICE1", It.IsAny<CancellationToken>())).ReturnsAsync(request);
        _queue.Enqueue(request, notification);

        Assert.Equal(1, await _service.RetryDueAsync(CancellationToken.None));

        Assert.Equal(0, _queue.Count);
        Assert.DoesNotContain(_logs, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task BackoffIsCappedAndALongOutageIsLoggedAsCriticalOnce()
    {
        var (request, notification) = Pending("PSI-LONG01");
        _store.Setup(s => s.AddAsync(request, notification, It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk unavailable"));
        _queue.Enqueue(request, notification);

        var waited = TimeSpan.Zero;
        var wait = TimeSpan.Zero;
        while (waited < TimeSpan.FromMinutes(15))
        {
            await _service.RetryDueAsync(CancellationToken.None);
            wait = _service.NextAttemptAt - _clock.GetUtcNow();
            Assert.InRange(wait, PendingBookingRetryService.InitialDelay, PendingBookingRetryService.MaxDelay);
            _clock.Advance(wait);
            waited += wait;
        }

        Assert.Equal(PendingBookingRetryService.MaxDelay, wait);
        var critical = Assert.Single(_logs, l => l.Level == LogLevel.Critical);
        Assert.Contains("PSI-LONG01", critical.Message, StringComparison.Ordinal);
        Assert.Equal(1, _queue.Count);
        Assert.DoesNotContain(_logs, l => TestBookings.ContainsPersonalData(l.Message));
    }

    [Fact]
    public async Task TheRunningServiceSavesARequestQueuedWhileTheStoreWasDown()
    {
        var (request, notification) = Pending("PSI-LOOP01");
        var calls = 0;
        _store.Setup(s => s.AddAsync(request, notification, It.IsAny<CancellationToken>()))
            .Returns(() => Interlocked.Increment(ref calls) <= 2 ? Task.FromException(new IOException("down")) : Task.CompletedTask);
        IHostedService service = _service;
        await service.StartAsync(CancellationToken.None);
        try
        {
            _queue.Enqueue(request, notification);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (_queue.Count > 0 && DateTime.UtcNow < deadline)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(20);
            }

            Assert.Equal(0, _queue.Count);
            Assert.Equal(3, Volatile.Read(ref calls));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.DoesNotContain(_logs, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task StoppingWithUnsavedRequestsTriesOnceMoreThenLogsTheirReferencesAsAnError()
    {
        var (first, firstNotification) = Pending("PSI-LOST01");
        var (second, secondNotification) = Pending("PSI-LOST02");
        _store.Setup(s => s.AddAsync(It.IsAny<BookingRequest>(), It.IsAny<StaffNotification>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("down"));
        _queue.Enqueue(first, firstNotification);
        _queue.Enqueue(second, secondNotification);
        await _service.RetryDueAsync(CancellationToken.None);
        IHostedService service = _service;
        await service.StartAsync(CancellationToken.None);

        await service.StopAsync(CancellationToken.None);

        var error = Assert.Single(_logs, l => l.Level == LogLevel.Error);
        Assert.Contains("2 booking request(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("PSI-LOST01, PSI-LOST02", error.Message, StringComparison.Ordinal);
        Assert.False(TestBookings.ContainsPersonalData(error.Message));
    }

    [Fact]
    public async Task StoppingWithAnEmptyQueueLogsNothing()
    {
        IHostedService service = _service;
        await service.StartAsync(CancellationToken.None);
        await service.StopAsync(CancellationToken.None);

        Assert.DoesNotContain(_logs, l => l.Level >= LogLevel.Warning);
        _store.VerifyNoOtherCalls();
    }

    private (BookingRequest Request, StaffNotification Notification) Pending(string reference)
    {
        var request = TestBookings.Request(reference, _clock.GetUtcNow());
        return (request, TestBookings.Notification(request));
    }
}
