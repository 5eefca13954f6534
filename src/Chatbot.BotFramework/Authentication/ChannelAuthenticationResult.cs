using System.Security.Claims;

namespace Chatbot.BotFramework.Authentication;

/// <summary>The outcome of authenticating a request to <c>/api/messages</c>.</summary>
public sealed class ChannelAuthenticationResult
{
    internal ChannelAuthenticationResult(ClaimsIdentity identity, string? callerId, ChannelTokenKind kind)
    {
        Identity = identity;
        CallerId = callerId;
        Kind = kind;
    }

    /// <summary>The validated claims (empty and anonymous in anonymous mode).</summary>
    public ClaimsIdentity Identity { get; }

    /// <summary>
    /// The value for <c>activity.callerId</c>: <c>urn:botframework:azure</c> for a Bot Connector token,
    /// <c>urn:botframework:aadappid:&lt;appid&gt;</c> for an Entra/Emulator token, <see langword="null"/> when anonymous.
    /// </summary>
    public string? CallerId { get; }

    /// <summary>True when the request was accepted without a token (anonymous mode).</summary>
    public bool IsAnonymous => Kind == ChannelTokenKind.Anonymous;

    internal ChannelTokenKind Kind { get; }

    internal IReadOnlyList<string> Endorsements { get; init; } = [];

    internal string? ServiceUrlClaim { get; init; }
}

/// <summary>Which validation path accepted a request.</summary>
internal enum ChannelTokenKind
{
    Anonymous,
    BotConnector,
    Entra,
}
