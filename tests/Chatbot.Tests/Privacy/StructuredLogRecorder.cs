using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Privacy;

/// <summary>
/// A logger provider that keeps everything a structured sink would receive: the formatted message, every named value
/// of the state (template arguments), every value of the active scopes, and the exception text.
/// </summary>
public sealed class StructuredLogRecorder : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Record> Records { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record Record(LogLevel Level, string Category, string Message, IReadOnlyList<string> Values)
    {
        /// <summary>Everything the record carries, as text.</summary>
        public IEnumerable<string> Texts => Values.Prepend(Message);
    }

    private sealed class Logger(string category, StructuredLogRecorder owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            List<string> values = [];
            AddValues(values, state);
            owner._scopes.ForEachScope((scope, list) => AddValues(list, scope), values);
            if (exception is not null)
            {
                values.Add(exception.ToString());
            }

            owner.Records.Enqueue(new Record(logLevel, category, formatter(state, exception), values));
        }

        private static void AddValues(List<string> values, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                values.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
            }
            else if (state is not null)
            {
                values.Add(state.ToString() ?? string.Empty);
            }
        }
    }
}
