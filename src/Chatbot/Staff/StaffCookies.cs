using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chatbot.Staff;

/// <summary>The staff session cookie.</summary>
internal static class StaffCookies
{
    /// <summary>
    /// HttpOnly, Secure (only over HTTPS, except in Development and tests where the request decides), SameSite=Strict
    /// for local accounts (Lax with Entra ID, whose sign-in returns by a cross-site POST), path <c>/staff</c>, and a
    /// sliding idle timeout (<see cref="StaffOptions.SessionIdleTimeout"/>).
    /// </summary>
    public static void Configure(CookieAuthenticationOptions options, StaffOptions staff, bool relaxed)
    {
        options.Cookie.Name = StaffAuthentication.CookieName;
        options.Cookie.Path = StaffAuthentication.BasePath;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = relaxed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.Cookie.SameSite = staff.Oidc.IsConfigured ? SameSiteMode.Lax : SameSiteMode.Strict;
        options.ExpireTimeSpan = staff.SessionIdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = StaffAuthentication.BasePath + "/signin";
        options.LogoutPath = StaffAuthentication.BasePath + "/signout";
        options.AccessDeniedPath = StaffAuthentication.BasePath + "/denied";
        options.ReturnUrlParameter = "returnUrl";
    }
}
