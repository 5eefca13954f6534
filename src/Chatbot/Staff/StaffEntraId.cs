using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Chatbot.Clinic.Staff;

namespace Chatbot.Staff;

/// <summary>Sign-in with Microsoft Entra ID (OpenID Connect, authorization code flow with PKCE).</summary>
internal static class StaffEntraId
{
    /// <summary>Applies <c>Chatbot:Staff:Oidc</c>: the session lands in the staff cookie; each sign-in is audited.</summary>
    public static void Configure(OpenIdConnectOptions options, StaffOidcOptions oidc)
    {
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
        options.CallbackPath = oidc.CallbackPath;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SignInScheme = StaffAuthentication.CookieScheme;
        options.SaveTokens = false;
        options.MapInboundClaims = false;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("email");
        options.TokenValidationParameters.NameClaimType = "preferred_username";
        options.TokenValidationParameters.RoleClaimType = "roles";
        options.Events.OnTokenValidated = async context =>
        {
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(StaffAuthentication.SignInMethodClaim, "entra-id"));
                var audit = context.HttpContext.RequestServices.GetRequiredService<IStaffAuditLog>();
                var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                await audit.AppendAsync(
                    new StaffAuditRecord(0, time.GetUtcNow(), identity.Name ?? "unknown", StaffAuditActions.SignIn, null, null, null, null, "Microsoft Entra ID"),
                    context.HttpContext.RequestAborted);
            }
        };
    }
}
