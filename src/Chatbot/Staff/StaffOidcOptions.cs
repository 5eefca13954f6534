namespace Chatbot.Staff;

/// <summary>Microsoft Entra ID (OpenID Connect) sign-in for the staff page.</summary>
public sealed class StaffOidcOptions
{
    /// <summary>The tenant's authority, e.g. <c>https://login.microsoftonline.com/&lt;tenant-id&gt;/v2.0</c>.</summary>
    /// <value>The default is empty: local accounts.</value>
    public string? Authority { get; set; }

    /// <summary>The app registration's client (application) id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app registration's client secret (keep it in user secrets or the host's secret store).</summary>
    /// <value>The default is empty: a public client using the authorization code flow with PKCE.</value>
    public string? ClientSecret { get; set; }

    /// <summary>An app role (the <c>roles</c> claim) a user must have; empty: every user of the tenant.</summary>
    public string? RequiredRole { get; set; }

    /// <summary>The redirect URI path registered with the app.</summary>
    /// <value>The default is <c>/staff/signin-oidc</c>.</value>
    public string CallbackPath { get; set; } = "/staff/signin-oidc";

    /// <summary>True when <see cref="Authority"/> and <see cref="ClientId"/> are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
