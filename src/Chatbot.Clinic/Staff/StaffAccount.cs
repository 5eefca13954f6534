namespace Chatbot.Clinic.Staff;

/// <summary>A local staff account (used when the staff page does not sign in through Microsoft Entra ID).</summary>
/// <param name="UserName">The user name (compared without regard to case).</param>
/// <param name="PasswordHash">The ASP.NET Core password hash (PBKDF2, salted); never the password.</param>
/// <param name="FailedSignIns">Failed sign-ins since the last success or lock-out.</param>
/// <param name="LockedOutUntil">Sign-in is refused until then, when set.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="LastSignInAt">The last successful sign-in, when there was one.</param>
public sealed record StaffAccount(
    string UserName,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt)
{
    /// <summary>True when the account is locked at <paramref name="now"/>.</summary>
    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil is { } until && until > now;
}
