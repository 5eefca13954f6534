namespace Chatbot.Clinic.Staff;

/// <summary>
/// Server-side staff sign-in sessions, shared by every instance on the database: the staff cookie carries only the
/// random session key, the ticket (serialized and protected by the caller) lives here, so a member of staff signed in
/// through one instance is signed in on all of them, and signing out on one ends the session everywhere.
/// </summary>
/// <remarks>
/// Contract (checked by the abstract <c>StaffSessionStoreContractTests</c>): the ticket comes back byte for byte; a
/// session whose expiry is at or before <c>now</c> is never returned; renewing replaces ticket and expiry only of a
/// session that still exists (a sign-out in between wins over a late request); removing an unknown key is not an error;
/// purging deletes exactly the expired sessions. A session without an expiry never expires.
/// </remarks>
public interface IStaffSessionStore
{
    /// <summary>Stores a new session under <paramref name="key"/> (a fresh random key; an existing one is replaced).</summary>
    Task CreateAsync(string key, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>The session's ticket, or null when there is none or it has expired at <paramref name="now"/>.</summary>
    Task<byte[]?> GetAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces the ticket and expiry of an existing session; false (and nothing stored) when it is gone.</summary>
    Task<bool> RenewAsync(string key, byte[] ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>Ends a session (signing out); an unknown key is ignored.</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every session expired at <paramref name="now"/> and returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
