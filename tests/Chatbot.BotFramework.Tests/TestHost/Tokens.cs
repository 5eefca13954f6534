using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.BotFramework.Tests.TestHost;

/// <summary>Creates signed test tokens shaped like Bot Connector and Entra/Emulator tokens.</summary>
public static class Tokens
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string BotConnectorIssuer = "https://api.botframework.com";
    public const string EmulatorTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    public static string BotConnector(
        SigningKey key,
        string serviceUrl,
        string audience = AppId,
        string issuer = BotConnectorIssuer,
        DateTime? expires = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddHours(1);
        return Create(key.SecurityKey, SecurityAlgorithms.RsaSha256, issuer, audience, exp, new Dictionary<string, object>
        {
            ["serviceurl"] = serviceUrl,
        });
    }

    public static string Entra(SigningKey key, string version, string appId = AppId, string tenant = EmulatorTenant, string? issuer = null)
    {
        issuer ??= version == "1.0" ? $"https://sts.windows.net/{tenant}/" : $"https://login.microsoftonline.com/{tenant}/v2.0";
        var claims = new Dictionary<string, object> { ["ver"] = version, ["tid"] = tenant };
        claims[version == "1.0" ? "appid" : "azp"] = appId;
        return Create(key.SecurityKey, SecurityAlgorithms.RsaSha256, issuer, AppId, DateTime.UtcNow.AddHours(1), claims);
    }

    public static string Hs256(string serviceUrl)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-that-is-long-enough-for-hs256!"));
        return Create(secret, SecurityAlgorithms.HmacSha256, BotConnectorIssuer, AppId, DateTime.UtcNow.AddHours(1),
            new Dictionary<string, object> { ["serviceurl"] = serviceUrl });
    }

    private static string Create(SecurityKey key, string algorithm, string issuer, string audience, DateTime expires, Dictionary<string, object> claims)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires.AddHours(-2),
            IssuedAt = expires.AddHours(-2),
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
