using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>Who is calling, from the <c>Authorization: Bearer</c> header: the secret holder, a token holder, or nobody.</summary>
internal sealed record DirectLineCaller(bool IsSecret, DirectLineToken? Token)
{
    public static DirectLineCaller Anonymous { get; } = new(false, null);

    public static DirectLineCaller Secret { get; } = new(true, null);

    /// <summary>True when the header was present but neither the secret nor a valid token.</summary>
    public bool IsInvalid { get; private init; }

    public bool IsAuthenticated => IsSecret || Token is not null;

    /// <summary>True when the caller may use <paramref name="conversationId"/>: the secret, or a token bound to it.</summary>
    public bool CanAccess(string conversationId) =>
        IsSecret || (Token is not null && string.Equals(Token.ConversationId, conversationId, StringComparison.Ordinal));

    public static DirectLineCaller From(HttpRequest request, string? secret, DirectLineTokenService tokens)
    {
        string? header = request.Headers[HeaderNames.Authorization];
        if (string.IsNullOrEmpty(header))
        {
            return Anonymous;
        }

        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new DirectLineCaller(false, null) { IsInvalid = true };
        }

        var credential = header[Scheme.Length..].Trim();
        if (secret is not null && FixedTimeEquals(credential, secret))
        {
            return Secret;
        }

        var token = tokens.Validate(credential);
        return token is null ? new DirectLineCaller(false, null) { IsInvalid = true } : new DirectLineCaller(false, token);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
