using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chatbot.Staff;

/// <summary>
/// Server-side staff sessions (the cookie handler's <see cref="ITicketStore"/>): the cookie carries only a random
/// session key, and signing out deletes the session, so a copied cookie stops working at sign-out instead of at its
/// expiry. Sessions live in memory: a restart signs everybody out, which is the safe direction.
/// </summary>
public sealed class StaffSessionStore(TimeProvider timeProvider) : ITicketStore
{
    private const int SweepThreshold = 1_000;
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _sessions = new(StringComparer.Ordinal);

    /// <summary>How many sessions are open (for tests and diagnostics).</summary>
    public int Count => _sessions.Count;

    /// <inheritdoc />
    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (_sessions.Count > SweepThreshold)
        {
            SweepExpired();
        }

        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        _sessions[key] = ticket;
        return Task.FromResult(key);
    }

    /// <inheritdoc />
    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);

        // Only a session that still exists may be renewed: a sign-out in between must win over a late request.
        if (_sessions.ContainsKey(key))
        {
            _sessions[key] = ticket;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!_sessions.TryGetValue(key, out var ticket))
        {
            return Task.FromResult<AuthenticationTicket?>(null);
        }

        if (IsExpired(ticket))
        {
            _sessions.TryRemove(key, out _);
            return Task.FromResult<AuthenticationTicket?>(null);
        }

        return Task.FromResult<AuthenticationTicket?>(ticket);
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key)
    {
        _sessions.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private bool IsExpired(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc is { } expires && expires <= timeProvider.GetUtcNow();

    private void SweepExpired()
    {
        foreach (var (key, ticket) in _sessions)
        {
            if (IsExpired(ticket))
            {
                _sessions.TryRemove(key, out _);
            }
        }
    }
}
