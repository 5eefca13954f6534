namespace Chatbot.BotFramework.Authentication;

/// <summary>Fixed values of the Bot Framework authentication protocol (SDK <c>AuthenticationConstants</c>).</summary>
internal static class AuthenticationConstants
{
    /// <summary>Issuer of Bot Connector tokens.</summary>
    public const string BotConnectorIssuer = "https://api.botframework.com";

    /// <summary>Clock skew allowed on token lifetimes.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The only signature algorithms accepted.</summary>
    public static readonly string[] ValidAlgorithms = ["RS256", "RS384", "RS512"];

    /// <summary>Claim carrying the service URL the token was issued for.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Token version claim of Entra tokens.</summary>
    public const string VersionClaim = "ver";

    /// <summary>Calling app of a v1 Entra token.</summary>
    public const string AppIdClaim = "appid";

    /// <summary>Calling app of a v2 Entra token.</summary>
    public const string AuthorizedPartyClaim = "azp";

    /// <summary>Tenant claim.</summary>
    public const string TenantIdClaim = "tid";

    /// <summary>Placeholder for the token's tenant in issuer templates.</summary>
    public const string TenantPlaceholder = "{tid}";

    /// <summary>Extra JWK member listing the channels a key may sign for.</summary>
    public const string EndorsementsKey = "endorsements";

    /// <summary>Tenant used for outbound tokens of MultiTenant bots.</summary>
    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>Authentication type of the identity given to unauthenticated (anonymous-mode) requests.</summary>
    public const string AnonymousAuthType = "anonymous";
}
