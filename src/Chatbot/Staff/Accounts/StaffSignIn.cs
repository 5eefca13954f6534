using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chatbot.Staff.Accounts;

/// <summary>
/// Checks a local account's password, counting failures: <see cref="StaffOptions.MaxFailedSignIns"/> failures in a row
/// lock the account for <see cref="StaffOptions.LockoutDuration"/>; while locked even the right password is refused.
/// </summary>
public sealed class StaffSignIn(IStaffAccountStore store, IOptions<StaffOptions> options, TimeProvider timeProvider)
{
    // Verified for unknown user names too, so the answer takes as long whether or not the account exists.
    private static readonly Lazy<string> DummyHash = new(() => StaffAccounts.Hasher.HashPassword(new StaffUser("nobody"), Guid.NewGuid().ToString()));

    /// <summary>Checks the user name and password.</summary>
    public async Task<StaffSignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var account = string.IsNullOrWhiteSpace(userName) ? null : await store.FindAsync(userName.Trim(), cancellationToken);
        if (account is null)
        {
            StaffAccounts.Hasher.VerifyHashedPassword(new StaffUser("nobody"), DummyHash.Value, password ?? string.Empty);
            return new StaffSignInResult(StaffSignInStatus.Failed, null, null);
        }

        if (account.IsLockedOut(now))
        {
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
}
