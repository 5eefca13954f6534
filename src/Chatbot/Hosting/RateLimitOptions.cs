using System.ComponentModel.DataAnnotations;

namespace Chatbot.Hosting;

/// <summary>Limits on what one client can make the bot do (section <c>Chatbot:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:RateLimits";

    /// <summary>Direct Line tokens and conversation starts per minute from one client address.</summary>
    /// <value>The default is 30.</value>
    [Range(1, 1_000_000)]
    public int ConversationStartsPerMinutePerIp { get; set; } = 30;

    /// <summary>Messages (posts and uploads) per minute into one Direct Line conversation.</summary>
    /// <value>The default is 20: more than anyone types or clicks, far less than a script posts.</value>
    [Range(1, 1_000_000)]
    public int MessagesPerMinutePerConversation { get; set; } = 20;

    /// <summary>Messages (posts and uploads) per minute from one client address, across its conversations.</summary>
    /// <value>The default is 120, leaving room for a waiting room full of patients behind one address.</value>
    [Range(1, 1_000_000)]
    public int MessagesPerMinutePerIp { get; set; } = 120;

    /// <summary>
    /// Staff sign-in attempts (<c>POST /staff/signin</c>) per minute from one client address, refused before any password
    /// is hashed (hashing is deliberately slow, so unthrottled guessing is also a way to exhaust the CPU).
    /// </summary>
    /// <value>The default is 10.</value>
    [Range(1, 1_000_000)]
    public int SignInsPerMinutePerIp { get; set; } = 10;
}
