using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Teams;

/// <summary>
/// What Teams puts on an activity (<c>channelData</c>, <c>conversation</c>), read without guessing from text (the SDK keeps
/// these in <c>Microsoft.Bot.Builder.Teams</c>'s <c>TeamsActivityExtensions</c>).
/// </summary>
public static class TeamsActivity
{
    /// <summary>Teams' <c>conversation.conversationType</c> of a one-to-one chat with the bot.</summary>
    public const string Personal = "personal";

    /// <summary>True for an activity from Microsoft Teams.</summary>
    public static bool IsTeams(Activity activity) =>
        string.Equals(activity?.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase);

    /// <summary>The tenant: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public static string? TenantOf(Activity activity) =>
        NonEmpty((string?)activity.ChannelData?.SelectToken("tenant.id")) ?? NonEmpty(activity.Conversation?.TenantId);

    /// <summary>The team (<c>channelData.team.id</c>), in team channels only.</summary>
    public static string? TeamOf(Activity activity) => NonEmpty((string?)activity.ChannelData?.SelectToken("team.id"));

    /// <summary>The team's Microsoft 365 group id (<c>channelData.team.aadGroupId</c>), when Teams sends it.</summary>
    public static string? TeamGroupOf(Activity activity) => NonEmpty((string?)activity.ChannelData?.SelectToken("team.aadGroupId"));

    /// <summary>The channel (<c>channelData.channel.id</c>), in team channels only.</summary>
    public static string? ChannelOf(Activity activity) => NonEmpty((string?)activity.ChannelData?.SelectToken("channel.id"));

    /// <summary>
    /// <c>personal</c>, <c>groupChat</c> or <c>channel</c>: <c>conversation.conversationType</c>, else inferred from
    /// <c>channelData.channel</c> and <c>conversation.isGroup</c>.
    /// </summary>
    public static string ConversationTypeOf(Activity activity) =>
        NonEmpty(activity.Conversation?.ConversationType)
        ?? (ChannelOf(activity) is not null ? "channel" : activity.Conversation?.IsGroup == true ? "groupChat" : Personal);

    /// <summary>True in a one-to-one chat with the bot, the only place Teams shows suggested actions.</summary>
    public static bool IsPersonal(Activity activity) =>
        string.Equals(ConversationTypeOf(activity), Personal, StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
