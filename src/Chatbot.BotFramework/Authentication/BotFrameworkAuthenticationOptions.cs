using System.ComponentModel.DataAnnotations;

namespace Chatbot.BotFramework.Authentication;

/// <summary>
/// Who the bot is and how channel tokens are checked. The four <c>MicrosoftApp*</c> values are read from the
/// <b>root</b> of configuration under their Bot Framework names (as Azure Bot Service and the SDK samples set
/// them, e.g. as App Service settings); everything else lives under the <see cref="SectionName"/> section.
/// </summary>
/// <remarks>
/// With no <see cref="MicrosoftAppId"/>, <c>/api/messages</c> refuses every request (401) — a website-only clinic needs
/// no app id, because the web chat runs through the bot's own Direct Line server. Only when
/// <see cref="AllowAnonymous"/> is set, in the Development or Testing environment, does it run in the SDK's anonymous
/// mode (local Emulator and tests): requests without an <c>Authorization</c> header are accepted, a presented token is
/// rejected, replies carry no token, and replies go only to loopback <c>serviceUrl</c>s.
/// </remarks>
public sealed class BotFrameworkAuthenticationOptions
{
    /// <summary>The configuration section for the non-identity settings.</summary>
    public const string SectionName = "BotFramework";

    /// <summary>The default Bot Connector OpenID metadata address.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The default Microsoft Entra (Emulator, Entra-issued) OpenID metadata address.</summary>
    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The bot's Microsoft App ID (root key <c>MicrosoftAppId</c>).</summary>
    /// <value>The default is <see langword="null"/>: anonymous mode.</value>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret (root key <c>MicrosoftAppPassword</c>); required for MultiTenant and SingleTenant.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The identity kind (root key <c>MicrosoftAppType</c>).</summary>
    /// <value>The default is <see cref="MicrosoftAppType.MultiTenant"/>, as in the SDK.</value>
    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    /// <summary>The tenant of a SingleTenant app (root key <c>MicrosoftAppTenantId</c>).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where the Bot Connector signing keys are published (<c>BotFramework:OpenIdMetadataUrl</c>).</summary>
    /// <value>The default is <see cref="DefaultOpenIdMetadataUrl"/>.</value>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Where Microsoft Entra signing keys are published, for Emulator/Entra tokens (<c>BotFramework:EntraOpenIdMetadataUrl</c>).</summary>
    /// <value>The default is <see cref="DefaultEntraOpenIdMetadataUrl"/>.</value>
    [Required]
    public string EntraOpenIdMetadataUrl { get; set; } = DefaultEntraOpenIdMetadataUrl;

    /// <summary>Refuse metadata over plain HTTP (<c>BotFramework:RequireHttpsMetadata</c>); tests on 127.0.0.1 turn it off.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Accepted issuers of Entra/Emulator tokens (<c>BotFramework:EntraTokenIssuers:0</c>, …). <c>{tid}</c> in an entry
    /// stands for the token's own <c>tid</c> claim. An empty list means <see cref="DefaultEntraTokenIssuers"/>.
    /// </summary>
    /// <value>The default is empty, i.e. <see cref="DefaultEntraTokenIssuers"/>.</value>
    public IList<string> EntraTokenIssuers { get; set; } = [];

    /// <summary>Base address of the Entra token endpoint for outbound tokens (<c>BotFramework:LoginBaseUrl</c>).</summary>
    /// <value>The default is <c>https://login.microsoftonline.com</c> (US Gov: <c>https://login.microsoftonline.us</c>).</value>
    [Required]
    public string LoginBaseUrl { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The scope of outbound tokens (<c>BotFramework:OAuthScope</c>).</summary>
    /// <value>The default is <c>https://api.botframework.com/.default</c> (US Gov: <c>https://api.botframework.us/.default</c>).</value>
    [Required]
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The managed-identity token endpoint used with <see cref="MicrosoftAppType.UserAssignedMSI"/> (<c>BotFramework:ManagedIdentityEndpoint</c>).</summary>
    /// <value>The default is the Azure instance metadata endpoint <c>http://169.254.169.254/metadata/identity/oauth2/token</c>.</value>
    [Required]
    public string ManagedIdentityEndpoint { get; set; } = "http://169.254.169.254/metadata/identity/oauth2/token";

    /// <summary>
    /// The Emulator/Entra issuers the SDK accepts (protocol §3.1 B): the v1 and v2 issuers of the Bot Framework
    /// tenants (Auth v3.1, v3.2, US Gov) and the same two templates for the token's own tenant.
    /// </summary>
    public static IReadOnlyList<string> DefaultEntraTokenIssuers { get; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
        "https://sts.windows.net/{tid}/",
        "https://login.microsoftonline.com/{tid}/v2.0",
    ];

    /// <summary>
    /// Accept requests without a token when no app id is configured (<c>BotFramework:AllowAnonymous</c>): the SDK's
    /// anonymous mode, for the Emulator and tests on a developer's machine. Honoured only in the Development and Testing
    /// environments; the host refuses to start with it anywhere else. Even then replies go only to loopback service URLs.
    /// </summary>
    /// <value>The default is <see langword="false"/>: without an app id <c>/api/messages</c> answers 401 to everything.</value>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// Hosts that <c>serviceUrl</c>s may name when an app id is set (<c>BotFramework:AllowedServiceUrlHosts:0</c>, …):
    /// exact host names, or <c>*.example.com</c> for any subdomain. Every reply and proactive message goes to such a host
    /// over https (loopback hosts may use http, for tests). An empty list means <see cref="DefaultAllowedServiceUrlHosts"/>.
    /// </summary>
    /// <value>The default is empty, i.e. <see cref="DefaultAllowedServiceUrlHosts"/>.</value>
    public IList<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>
    /// The Bot Framework and Teams service hosts: Azure Bot Service channels and Direct Line (all regions) under
    /// <c>botframework.com</c>, Teams' <c>smba.trafficmanager.net</c> (and its regional Traffic Manager names), and the
    /// US Government clouds.
    /// </summary>
    public static IReadOnlyList<string> DefaultAllowedServiceUrlHosts { get; } =
    [
        "*.botframework.com",
        "smba.trafficmanager.net",
        "*.trafficmanager.net",
        "*.botframework.azure.us",
        "*.botframework.us",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
    ];

    /// <summary>True when no app id is configured (no channel token can be validated).</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>True when requests without a token are accepted: no app id, <see cref="AllowAnonymous"/>, and a local environment.</summary>
    public bool AcceptsAnonymousRequests => IsAnonymous && AllowAnonymous && IsLocalEnvironment;

    /// <summary>The environment's name (set from the host at start-up), for the start-up check of <see cref="AllowAnonymous"/>.</summary>
    internal string EnvironmentName { get; set; } = "Production";

    /// <summary>True in the Development and Testing environments, the only ones where <see cref="AllowAnonymous"/> is honoured.</summary>
    internal bool IsLocalEnvironment =>
        string.Equals(EnvironmentName, "Development", StringComparison.OrdinalIgnoreCase)
        || string.Equals(EnvironmentName, "Testing", StringComparison.OrdinalIgnoreCase);

    // The raw root value when it is not a MicrosoftAppType name; reported by the validator.
    internal string? InvalidMicrosoftAppType { get; set; }
}
