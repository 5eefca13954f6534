using System.Security.Cryptography;
using Chatbot.Clinic.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Chatbot.Staff;

/// <summary>
/// Server-side staff sessions (the cookie handler's <see cref="ITicketStore"/>): the cookie carries only a random
/// session key, and signing out deletes the session, so a copied cookie stops working at sign-out instead of at its
/// expiry. Sessions live in the clinic's database (<see cref="IStaffSessionStore"/>), serialized and protected with
/// the shared data-protection key ring, so every instance on the database accepts them (issue 14) and a sign-out on
/// one instance ends the session on all of them.
/// </summary>
public sealed class StaffSessionStore(IStaffSessionStore sessions, IDataProtectionProvider dataProtection, TimeProvider timeProvider) : ITicketStore
{
    private const string Purpose = "Chatbot.Staff.Sessions.v1";
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);
    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);
    private long _nextSweepTicks;

    /// <inheritdoc />
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await SweepExpiredAsync();
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await sessions.CreateAsync(key, Protect(ticket), ticket.Properties.ExpiresUtc, CancellationToken.None);
        return key;
    }

    /// <inheritdoc />
    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);

        // Only a session that still exists may be renewed: a sign-out in between must win over a late request.
        return sessions.RenewAsync(key, Protect(ticket), ticket.Properties.ExpiresUtc, CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var protectedTicket = await sessions.GetAsync(key, timeProvider.GetUtcNow(), CancellationToken.None);
        if (protectedTicket is null)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            // Protected under a key this instance cannot read (another ring): the same as no session.
            return null;
        }
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key) => sessions.RemoveAsync(key, CancellationToken.None);

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    // Expired sessions are deleted at most every few minutes, on a sign-in (cheap: one indexed DELETE).
    private async Task SweepExpiredAsync()
    {
        var now = timeProvider.GetUtcNow();
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, next) != next)
        {
            return;
        }

        await sessions.PurgeExpiredAsync(now, CancellationToken.None);
    }
}
