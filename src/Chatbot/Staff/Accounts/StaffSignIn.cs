using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Staff;

namespace Chatbot.Staff.Accounts;

/// <summary>
/// Checks a local account's password, counting failures: <see cref="StaffOptions.MaxFailedSignIns"/> failures in a row
/// lock the account for <see cref="StaffOptions.LockoutDuration"/>; while locked even the right password is refused.
/// </summary>
/// <remarks>
/// Unknown user names are counted and "locked" the same way (in memory), and every answer verifies one hash, so neither
/// the message nor the time taken tells whether an account exists.
/// </remarks>
public sealed class StaffSignIn(IStaffAccountStore store, IOptions<StaffOptions> options, TimeProvider timeProvider)
{
    private const int MaxTrackedUnknownNames = 10_000;

    // Verified for unknown user names too, so the answer takes as long whether or not the account exists.
    private static readonly Lazy<string> DummyHash = new(() => StaffAccounts.Hasher.HashPassword(new StaffUser("nobody"), Guid.NewGuid().ToString()));

    private readonly ConcurrentDictionary<string, UnknownName> _unknownNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks the user name and password.</summary>
    public async Task<StaffSignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var typed = (userName ?? string.Empty).Trim();
        var account = typed.Length == 0 ? null : await store.FindAsync(typed, cancellationToken);
        if (account is null)
        {
            StaffAccounts.Hasher.VerifyHashedPassword(new StaffUser("nobody"), DummyHash.Value, password ?? string.Empty);
            return typed.Length > 0 && RecordUnknownFailure(typed, now) is { } lockedUntil
                ? new StaffSignInResult(StaffSignInStatus.LockedOut, typed, lockedUntil)
                : new StaffSignInResult(StaffSignInStatus.Failed, null, null);
        }

        if (account.IsLockedOut(now))
        {
            StaffAccounts.Hasher.VerifyHashedPassword(new StaffUser("nobody"), DummyHash.Value, password ?? string.Empty);
            return new StaffSignInResult(StaffSignInStatus.LockedOut, account.UserName, account.LockedOutUntil);
        }

        var user = new StaffUser(account.UserName);
        var verified = StaffAccounts.Hasher.VerifyHashedPassword(user, account.PasswordHash, password ?? string.Empty);
        if (verified == PasswordVerificationResult.Failed)
        {
            var value = options.Value;
            var after = await store.RecordFailureAsync(account.UserName, value.MaxFailedSignIns, now + value.LockoutDuration, cancellationToken);
            return after is not null && after.IsLockedOut(now)
                ? new StaffSignInResult(StaffSignInStatus.LockedOut, account.UserName, after.LockedOutUntil)
                : new StaffSignInResult(StaffSignInStatus.Failed, null, null);
        }

        var rehash = verified == PasswordVerificationResult.SuccessRehashNeeded ? StaffAccounts.Hasher.HashPassword(user, password!) : null;
        await store.RecordSuccessAsync(account.UserName, now, rehash, cancellationToken);
        return new StaffSignInResult(StaffSignInStatus.Succeeded, account.UserName, null);
    }

    /// <summary>Counts a failure for a name that has no account; returns when its pretend lock-out ends, if it is locked.</summary>
    private DateTimeOffset? RecordUnknownFailure(string name, DateTimeOffset now)
    {
        var value = options.Value;
        if (_unknownNames.Count >= MaxTrackedUnknownNames)
        {
            foreach (var (key, entry) in _unknownNames)
            {
                if (entry.LockedUntil is { } until ? until <= now : entry.LastFailure + value.LockoutDuration <= now)
                {
                    _unknownNames.TryRemove(key, out _);
                }
            }
        }

        var updated = _unknownNames.AddOrUpdate(
            name,
            _ => new UnknownName(1, now, value.MaxFailedSignIns <= 1 ? now + value.LockoutDuration : null),
            (_, entry) => entry.LockedUntil is { } until && until > now
                ? entry
                : entry.Failures + 1 >= value.MaxFailedSignIns && entry.LockedUntil is null
                    ? new UnknownName(entry.Failures + 1, now, now + value.LockoutDuration)
                    : entry.LockedUntil is not null ? new UnknownName(1, now, null) : entry with { Failures = entry.Failures + 1, LastFailure = now });
        return updated.LockedUntil is { } lockedUntil && lockedUntil > now ? lockedUntil : null;
    }

    private sealed record UnknownName(int Failures, DateTimeOffset LastFailure, DateTimeOffset? LockedUntil);
}
