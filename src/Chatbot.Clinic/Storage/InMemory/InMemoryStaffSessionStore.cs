using Chatbot.Clinic.Staff;

namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>Staff sessions in process memory: tests and throwaway demos (one instance only; a restart signs everybody out).</summary>
public sealed class InMemoryStaffSessionStore : IStaffSessionStore
{
    private readonly Dictionary<string, (byte[] Ticket, DateTimeOffset? ExpiresAt)> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task CreateAsync(string key, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(ticket);
        lock (_gate)
        {
            _sessions[key] = ([.. ticket], expiresAt);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<byte[]?>(
                _sessions.TryGetValue(key, out var session) && !IsExpired(session.ExpiresAt, now) ? [.. session.Ticket] : null);
        }
    }

    /// <inheritdoc />
    public Task<bool> RenewAsync(string key, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (_gate)
        {
            if (!_sessions.ContainsKey(key))
            {
                return Task.FromResult(false);
            }

            _sessions[key] = ([.. ticket], expiresAt);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _sessions.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var expired = _sessions.Where(s => IsExpired(s.Value.ExpiresAt, now)).Select(s => s.Key).ToList();
            foreach (var key in expired)
            {
                _sessions.Remove(key);
            }

            return Task.FromResult(expired.Count);
        }
    }

    private static bool IsExpired(DateTimeOffset? expiresAt, DateTimeOffset now) => expiresAt is { } at && at <= now;
}
