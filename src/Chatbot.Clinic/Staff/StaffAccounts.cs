using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace Chatbot.Clinic.Staff;

/// <summary>
/// Creating and unlocking local staff accounts, with the rules for user names and passwords. Shared by the staff page
/// host and the <c>chatbot staff</c> CLI (compiled into both), so both hash and check passwords the same way.
/// </summary>
/// <param name="store">The account store.</param>
/// <param name="timeProvider">The clock.</param>
public sealed partial class StaffAccounts(IStaffAccountStore store, TimeProvider timeProvider)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>ASP.NET Core Identity's hasher: PBKDF2 with HMAC-SHA512, a random salt, 100,000 iterations (v3 format).</summary>
    public static PasswordHasher<StaffUser> Hasher { get; } = new();

    /// <summary>Why <paramref name="userName"/> cannot be used, or null when it can.</summary>
    public static string? CheckUserName(string? userName) =>
        userName is not null && UserNamePattern().IsMatch(userName)
            ? null
            : "a user name is 2 to 64 letters, digits, dots, dashes, underscores or @ (for example 'maria.lopez').";

    /// <summary>Why <paramref name="password"/> cannot be used, or null when it can.</summary>
    public static string? CheckPassword(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
        {
            return $"the password must have at least {MinimumPasswordLength} characters (a few words make a good one).";
        }

        return password.Contains(userName, StringComparison.OrdinalIgnoreCase)
            ? "the password must not contain the user name."
            : null;
    }

    /// <summary>Creates an account with a hashed password.</summary>
    /// <returns>Null on success, else why the account was not created.</returns>
    public async Task<string?> AddAsync(string userName, string password, CancellationToken cancellationToken)
    {
        if (CheckUserName(userName) is { } badName)
        {
            return badName;
        }

        if (CheckPassword(password, userName) is { } badPassword)
        {
            return badPassword;
        }

        var hash = Hasher.HashPassword(new StaffUser(userName), password);
        var created = await store.CreateAsync(new StaffAccount(userName, hash, 0, null, timeProvider.GetUtcNow(), null), cancellationToken);
        return created ? null : $"an account named '{userName}' already exists.";
    }

    /// <summary>Clears a lock-out.</summary>
    /// <returns>False when there is no such account.</returns>
    public Task<bool> UnlockAsync(string userName, CancellationToken cancellationToken) => store.UnlockAsync(userName, cancellationToken);

    /// <summary>Every account.</summary>
    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    [GeneratedRegex("^[A-Za-z0-9._@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
