namespace Chatbot.Staff;

/// <summary>Names used by the staff page's authentication.</summary>
public static class StaffAuthentication
{
    /// <summary>The cookie scheme that holds a staff session.</summary>
    public const string CookieScheme = "StaffCookie";

    /// <summary>The OpenID Connect scheme (Microsoft Entra ID), when configured.</summary>
    public const string OidcScheme = "StaffEntraId";

    /// <summary>The authorization policy every staff page requires.</summary>
    public const string Policy = "Staff";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = ".Chatbot.Staff";

    /// <summary>The anti-forgery cookie's name.</summary>
    public const string AntiforgeryCookieName = ".Chatbot.Staff.Antiforgery";

    /// <summary>The path every staff page and cookie lives under.</summary>
    public const string BasePath = "/staff";

    /// <summary>The claim that says how a staff member signed in (<c>local</c> or <c>entra-id</c>).</summary>
    public const string SignInMethodClaim = "staff_sign_in";
}
