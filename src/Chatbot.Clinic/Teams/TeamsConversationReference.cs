namespace Chatbot.Clinic.Teams;

/// <summary>
/// Where the bot can post in Teams later (proactively): captured from install events and from staff messages of an
/// allowed tenant. Holds no message content.
/// </summary>
/// <param name="Key">The channel id for channel conversations (any thread of it), else the conversation id.</param>
/// <param name="ConversationId">The conversation id as Teams sent it.</param>
/// <param name="ServiceUrl">Where the Bot Connector API for this tenant lives (from the activity).</param>
/// <param name="TenantId">The Entra tenant.</param>
/// <param name="TeamId">The team (channel conversations only).</param>
/// <param name="ChannelId">The channel (channel conversations only).</param>
/// <param name="ConversationType"><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</param>
/// <param name="BotId">The bot's Teams id (<c>28:&lt;appId&gt;</c>), from the activity's recipient.</param>
/// <param name="BotName">The bot's display name.</param>
/// <param name="UpdatedAt">When it was last seen.</param>
public sealed record TeamsConversationReference(
    string Key,
    string ConversationId,
    string ServiceUrl,
    string? TenantId,
    string? TeamId,
    string? ChannelId,
    string ConversationType,
    string? BotId,
    string? BotName,
    DateTimeOffset UpdatedAt);
