namespace Chatbot.Clinic.Staff;

/// <summary>The user type of <see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/> for local staff accounts.</summary>
/// <param name="UserName">The account's user name.</param>
public sealed record StaffUser(string UserName);
