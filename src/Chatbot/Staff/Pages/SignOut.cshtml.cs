using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Chatbot.Clinic.Staff;

namespace Chatbot.Staff.Pages;

/// <summary><c>/staff/signout</c>: ends the staff session (POST only, with the anti-forgery token).</summary>
public sealed class SignOutModel(IStaffAuditLog audit, TimeProvider timeProvider) : StaffPageModel
{
    /// <summary>A GET never signs out (a link or image elsewhere must not end the session).</summary>
    public IActionResult OnGet() => LocalRedirect(StaffAuthentication.BasePath);

    /// <summary>Signs out.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new StaffAuditRecord(0, timeProvider.GetUtcNow(), StaffName, StaffAuditActions.SignOut, null, null, null, null, null), cancellationToken);
        await HttpContext.SignOutAsync(StaffAuthentication.CookieScheme);
        return LocalRedirect(StaffAuthentication.BasePath + "/signin?signedOut=true");
    }
}
