using System.Collections.Concurrent;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// Counts the bot's log entries at Warning and above (a failed turn logs an Error even though the HTTP answer is 200),
/// and keeps the first few for the report. Enabled only from Warning, like the host's configured level.
/// </summary>
internal sealed class LogCounter : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _samples = new();
    private long _warnings;
    private long _errors;

    public long Warnings => Interlocked.Read(ref _warnings);

    public long Errors => Interlocked.Read(ref _errors);

    public IEnumerable<string> Samples => _samples;

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Counter(LogCounter owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            Interlocked.Increment(ref logLevel >= LogLevel.Error ? ref owner._errors : ref owner._warnings);
            if (owner._samples.Count < 5)
            {
                owner._samples.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " (" + exception.GetType().Name + ")")}");
            }
        }
    }
}
