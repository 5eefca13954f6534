using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace Chatbot.Conversation;

/// <summary>Decides whether a turn comes from clinic staff (Teams, allowed tenant) or the public (everything else).</summary>
public sealed class AudienceResolver(IOptions<AudienceOptions> options, IConfiguration configuration)
{
    private readonly HashSet<string> _tenants = new(options.Value.AllowedTenantIds, StringComparer.OrdinalIgnoreCase);
    private readonly bool _anonymousMode = string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    /// <summary>True when staff-only answers may be given.</summary>
    public bool IsStaff(Activity activity)
    {
        if (!string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var tenant = TenantOf(activity);
        return _tenants.Count == 0 ? _anonymousMode : tenant is not null && _tenants.Contains(tenant);
    }

    /// <summary>The Teams tenant of an activity: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public static string? TenantOf(Activity activity) =>
        (string?)activity.ChannelData?.SelectToken("tenant.id") ?? activity.Conversation?.TenantId;
}
