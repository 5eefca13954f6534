using System.Globalization;
using System.Security.Claims;
using Chatbot.Conversation;
using Chatbot.Staff.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Staff;

namespace Chatbot.Staff.Pages;

/// <summary>
/// <c>/staff/signin</c>: with Microsoft Entra ID configured, sends the browser there; otherwise a local account's user
/// name and password (lock-out after repeated failures).
/// </summary>
public sealed class SignInModel(StaffSignIn signIn, IStaffAuditLog audit, ClinicClock clock, TimeProvider timeProvider, IOptions<StaffOptions> options) : StaffPageModel
{
    /// <summary>The user name typed.</summary>
    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>The password typed (never shown again, never stored).</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Where to go after signing in (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True right after signing out.</summary>
    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    /// <summary>Shows the form, or starts the Entra ID sign-in.</summary>
    public IActionResult OnGet() =>
        options.Value.Oidc.IsConfigured && !SignedOut
            ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, StaffAuthentication.OidcScheme)
            : Page();

    /// <summary>Checks the user name and password.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Oidc.IsConfigured)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, StaffAuthentication.OidcScheme);
        }

        var typed = (UserName ?? string.Empty).Trim();
        var result = await signIn.SignInAsync(typed, Password ?? string.Empty, cancellationToken);
        Password = null;
        var typedForLog = typed.Length > 64 ? typed[..64] : typed;
        switch (result.Status)
        {
            case StaffSignInStatus.Succeeded:
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, result.UserName!), new Claim(StaffAuthentication.SignInMethodClaim, "local")],
                    StaffAuthentication.CookieScheme);
                await HttpContext.SignInAsync(StaffAuthentication.CookieScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
                await audit.AppendAsync(new StaffAuditRecord(0, timeProvider.GetUtcNow(), result.UserName!, StaffAuditActions.SignIn, null, null, null, null, "local account"), cancellationToken);
                return LocalRedirect(SafeReturnUrl());
            case StaffSignInStatus.LockedOut:
                await audit.AppendAsync(new StaffAuditRecord(0, timeProvider.GetUtcNow(), typedForLog, StaffAuditActions.SignInFailed, null, null, null, null, "locked out"), cancellationToken);
                var until = clock.ToLocal(result.LockedOutUntil ?? timeProvider.GetUtcNow()).ToString("HH:mm", CultureInfo.InvariantCulture);
                // Unknown names get this message too (StaffSignIn), so it tells nobody whether the account exists.
                Messages.Error = $"This account is locked after too many failed sign-ins. Try again after {until}, or ask the administrator to run 'chatbot staff unlock {typedForLog}'.";
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            default:
                await audit.AppendAsync(new StaffAuditRecord(0, timeProvider.GetUtcNow(), typedForLog, StaffAuditActions.SignInFailed, null, null, null, null, "wrong user name or password"), cancellationToken);
                Messages.Error = $"The user name or password is not right. After {options.Value.MaxFailedSignIns} failed tries in a row the account is locked for {options.Value.LockoutDuration.TotalMinutes:0} minutes.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }

    private string SafeReturnUrl() =>
        ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith(StaffAuthentication.BasePath, StringComparison.Ordinal)
            ? url
            : StaffAuthentication.BasePath;
}
