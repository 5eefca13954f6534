using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// A token bucket per conversation for polls: <see cref="DirectLineOptions.PollBurst"/> at once, then
/// <see cref="DirectLineOptions.PollsPerSecond"/>.
/// </summary>
/// <remarks>
/// The defaults sit well above what a well-behaved client does (directlinejs polls at most every 200 ms, one request
/// at a time), because directlinejs 0.15.8 treats 429 like any other error and stops polling for good (it waits
/// <c>Retry-After</c> as milliseconds, then gives up). So a 429 is only ever meant for a misbehaving client.
/// </remarks>
internal sealed class DirectLinePollRateLimiter
{
    private const int MaxTrackedConversations = 100_000;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly double _perSecond;
    private readonly double _burst;
    private long _lastSweepTicks;

    public DirectLinePollRateLimiter(IOptions<DirectLineOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _perSecond = options.Value.PollsPerSecond;
        _burst = options.Value.PollBurst;
    }

    /// <summary>Takes one poll from the conversation's bucket.</summary>
    /// <returns><see langword="null"/> when allowed; otherwise how long to wait.</returns>
    public TimeSpan? TryAcquire(string conversationId)
    {
        var now = _timeProvider.GetUtcNow();
        var lastSweep = Interlocked.Read(ref _lastSweepTicks);
        if (_buckets.Count > MaxTrackedConversations && now.UtcTicks - lastSweep > TimeSpan.TicksPerSecond
            && Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, lastSweep) == lastSweep)
        {
            Sweep(now);
        }

        var bucket = _buckets.GetOrAdd(conversationId, _ => new Bucket(_burst, now));
        lock (bucket)
        {
            var elapsed = Math.Max(0, (now - bucket.UpdatedAt).TotalSeconds);
            bucket.Tokens = Math.Min(_burst, bucket.Tokens + (elapsed * _perSecond));
            bucket.UpdatedAt = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return null;
            }

            return TimeSpan.FromSeconds((1 - bucket.Tokens) / _perSecond);
        }
    }

    // Buckets that have refilled completely carry no information: drop them.
    private void Sweep(DateTimeOffset now)
    {
        var full = TimeSpan.FromSeconds(_burst / _perSecond);
        foreach (var (key, bucket) in _buckets)
        {
            bool idle;
            lock (bucket)
            {
                idle = now - bucket.UpdatedAt > full;
            }

            if (idle)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset updatedAt)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset UpdatedAt { get; set; } = updatedAt;
    }
}
