using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.BotFramework.Authentication;

/// <content>Token-level checks: signature, issuer, audience, lifetime, algorithms, endorsements.</content>
public sealed partial class ChannelAuthenticator
{
    private async Task<ClaimsIdentity> ValidateAsync(string token, OpenIdConnectConfiguration configuration, IReadOnlyList<string> issuers, string? audience)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidateAudience = audience is not null,
            ValidAudience = audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = AuthenticationConstants.ClockSkew,
            ValidAlgorithms = AuthenticationConstants.ValidAlgorithms,
            IssuerSigningKeys = configuration.SigningKeys,
            LifetimeValidator = ValidateLifetime,
        };
        var result = await _tokenHandler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            throw Reject(Describe(result.Exception));
        }

        return result.ClaimsIdentity;
    }

    // Lifetime against the injected clock (TokenValidationParameters has no public TimeProvider in IdentityModel 8.23).
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration.");
        }

        if (notBefore > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = notBefore.Value };
        }

        if (expires.Value < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    private JsonWebToken ReadToken(string token)
    {
        if (token.Length == 0 || !_tokenHandler.CanReadToken(token))
        {
            throw Reject("The token is malformed.");
        }

        try
        {
            return _tokenHandler.ReadJsonWebToken(token);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenException)
        {
            throw Reject("The token is malformed.");
        }
    }

    private List<string> EntraIssuersFor(JsonWebToken jwt)
    {
        IEnumerable<string> templates = _options.EntraTokenIssuers.Count > 0 ? _options.EntraTokenIssuers : BotFrameworkAuthenticationOptions.DefaultEntraTokenIssuers;
        var tenant = jwt.TryGetPayloadValue<string>(AuthenticationConstants.TenantIdClaim, out var tid) && Guid.TryParse(tid, out _) ? tid : null;
        return templates
            .Where(t => !t.Contains(AuthenticationConstants.TenantPlaceholder, StringComparison.Ordinal) || tenant is not null)
            .Select(t => t.Replace(AuthenticationConstants.TenantPlaceholder, tenant, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> ReadEndorsements(OpenIdConnectConfiguration configuration, string? keyId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue(AuthenticationConstants.EndorsementsKey, out var raw))
        {
            return [];
        }

        return raw switch
        {
            string single => [single],
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            System.Collections.IEnumerable items => [.. items.Cast<object?>().Select(i => i?.ToString()).OfType<string>()],
            _ => [],
        };
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not yet valid.",
        SecurityTokenInvalidAudienceException => "The token audience is not this bot.",
        SecurityTokenInvalidIssuerException => "The token issuer is not trusted.",
        SecurityTokenSignatureKeyNotFoundException => "The token's signing key is unknown.",
        SecurityTokenInvalidAlgorithmException => "The token algorithm is not accepted.",
        SecurityTokenInvalidSignatureException => "The token signature is invalid.",
        _ => "The token is invalid.",
    };
}
