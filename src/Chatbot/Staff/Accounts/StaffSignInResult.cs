namespace Chatbot.Staff.Accounts;

/// <summary>What happened to a sign-in attempt with a local account.</summary>
public enum StaffSignInStatus
{
    /// <summary>Signed in.</summary>
    Succeeded,

    /// <summary>Unknown user name or wrong password (never said which).</summary>
    Failed,

    /// <summary>The account is locked after too many failures (this attempt may have locked it).</summary>
    LockedOut,
}

/// <summary>The outcome of <see cref="StaffSignIn.SignInAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="UserName">The account's user name as stored, when signed in.</param>
/// <param name="LockedOutUntil">When a lock-out ends.</param>
public sealed record StaffSignInResult(StaffSignInStatus Status, string? UserName, DateTimeOffset? LockedOutUntil);
