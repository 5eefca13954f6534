using Chatbot.Clinic.Handoffs;
namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>The open hand-offs in process memory: tests and throwaway demos.</summary>
public sealed class InMemoryHandoffIndex : IHandoffIndex
{
    private readonly Dictionary<string, OpenHandoff> _byStateKey = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task OpenAsync(OpenHandoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        lock (_gate)
        {
            _byStateKey[handoff.StateKey] = handoff;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CloseAsync(string stateKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _byStateKey.Remove(stateKey);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OpenHandoff>> ListOpenAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var expired in _byStateKey.Values.Where(h => h.ExpiresAt <= now).ToList())
            {
                _byStateKey.Remove(expired.StateKey);
            }

            IReadOnlyList<OpenHandoff> open = [.. _byStateKey.Values.OrderByDescending(h => h.StartedAt).Take(limit)];
            return Task.FromResult(open);
        }
    }
}
