using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: compact JWTs (HS256) carrying the conversation id (<c>conv</c>), the user id
/// (<c>user</c>, which Web Chat reads from the token and prefers over its own) and the expiry (<c>exp</c>).
/// </summary>
/// <remarks>
/// Only our own header is accepted (no algorithm negotiation), the signature is compared in constant time, and a token
/// opens exactly one conversation.
/// </remarks>
internal sealed partial class DirectLineTokenService
{
    // {"alg":"HS256","typ":"JWT"}
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lifetime;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider timeProvider, ILogger<DirectLineTokenService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _timeProvider = timeProvider;
        _lifetime = options.Value.TokenLifetime;
        if (options.Value.TokenSigningKey is { } configured)
        {
            _key = DirectLineOptionsValidator.DecodeSigningKey(configured)
                ?? throw new ArgumentException($"DirectLine:TokenSigningKey must be base64 of at least {DirectLineOptions.MinimumTokenSigningKeyBytes} bytes.", nameof(options));
        }
        else
        {
            _key = RandomNumberGenerator.GetBytes(32);
            LogRandomKey(logger);
        }
    }

    /// <summary>The token lifetime, for <c>expires_in</c>.</summary>
    public TimeSpan Lifetime => _lifetime;

    /// <summary>Issues a token for one conversation.</summary>
    public string Issue(string conversationId, string? userId)
    {
        var now = _timeProvider.GetUtcNow();
        var claims = new Claims(conversationId, userId, now.ToUnixTimeSeconds(), (now + _lifetime).ToUnixTimeSeconds(), NewId());
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, ClaimsContext.Default.Claims));
        var signed = Header + "." + payload;
        return signed + "." + Base64Url.EncodeToString(Sign(signed));
    }

    /// <summary>Checks a token: signature, shape and expiry.</summary>
    /// <returns>The token, or <see langword="null"/> when it is malformed, tampered with or expired.</returns>
    public DirectLineToken? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !string.Equals(parts[0], Header, StringComparison.Ordinal))
        {
            return null;
        }

        // Base64Url.TryDecodeFromChars throws on characters outside the alphabet ("Try" covers only the buffer size):
        // check first, so a forged token is a plain refusal, never an exception.
        if (!Base64Url.IsValid(parts[1]) || !Base64Url.IsValid(parts[2]))
        {
            return null;
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        var actual = new byte[expected.Length + 3];
        if (!Base64Url.TryDecodeFromChars(parts[2], actual, out var written)
            || !CryptographicOperations.FixedTimeEquals(actual.AsSpan(0, written), expected))
        {
            return null;
        }

        Claims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), ClaimsContext.Default.Claims);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }

        if (claims is null || string.IsNullOrEmpty(claims.Conv))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.Exp);
        return _timeProvider.GetUtcNow() < expiresAt ? new DirectLineToken(claims.Conv, claims.User, expiresAt) : null;
    }

    /// <summary>A new random id (128 bits, base64url): conversation ids and token ids.</summary>
    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A new random user id in Direct Line's reserved <c>dl_</c> form.</summary>
    public static string NewUserId() => "dl_" + NewId();

    private byte[] Sign(string signed) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed));

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "DirectLine:TokenSigningKey is not set: using a random key (allowed in Development only). Direct Line tokens will not survive a restart and will not work across instances.")]
    private static partial void LogRandomKey(ILogger logger);

    internal sealed record Claims(
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("user"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? User,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp,
        [property: JsonPropertyName("jti")] string Jti);

    [JsonSerializable(typeof(Claims))]
    internal sealed partial class ClaimsContext : JsonSerializerContext;
}
