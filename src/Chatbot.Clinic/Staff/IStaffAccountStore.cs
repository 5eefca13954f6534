namespace Chatbot.Clinic.Staff;

/// <summary>Local staff accounts: SQLite (shared with the <c>chatbot staff</c> CLI) or in memory.</summary>
public interface IStaffAccountStore
{
    /// <summary>Adds an account.</summary>
    /// <returns>False when an account with that user name (any case) exists; nothing is changed then.</returns>
    Task<bool> CreateAsync(StaffAccount account, CancellationToken cancellationToken);

    /// <summary>The account with this user name (any case), or null.</summary>
    Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Every account, by user name.</summary>
    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Counts a failed sign-in atomically: at the <paramref name="maxFailures"/>th failure in a row the account is locked
    /// until <paramref name="lockoutUntil"/> and the count starts again.
    /// </summary>
    /// <returns>The account after the change, or null when there is no such account.</returns>
    Task<StaffAccount?> RecordFailureAsync(string userName, int maxFailures, DateTimeOffset lockoutUntil, CancellationToken cancellationToken);

    /// <summary>Records a successful sign-in: clears the failure count and lock-out; replaces the hash when given.</summary>
    Task RecordSuccessAsync(string userName, DateTimeOffset at, string? newPasswordHash, CancellationToken cancellationToken);

    /// <summary>Clears the lock-out and the failure count.</summary>
    /// <returns>False when there is no such account.</returns>
    Task<bool> UnlockAsync(string userName, CancellationToken cancellationToken);
}
