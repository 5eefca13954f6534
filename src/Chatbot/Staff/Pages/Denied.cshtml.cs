namespace Chatbot.Staff.Pages;

/// <summary>
/// <c>/staff/denied</c>: signed in (with Microsoft Entra ID) but without the required role. A page of its own, so the
/// sign-in page does not send the browser straight back to Entra ID in a loop.
/// </summary>
public sealed class DeniedModel : StaffPageModel
{
    /// <summary>Shows the message; 403.</summary>
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
