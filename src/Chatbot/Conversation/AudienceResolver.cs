using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Schema;
using Chatbot.Teams;
using Microsoft.Extensions.Options;

namespace Chatbot.Conversation;

/// <summary>
/// Who is talking: clinic staff (Teams users of an allowed tenant) or the public (every other channel), whether a
/// Teams tenant may use the bot at all, and who may use the staff commands.
/// </summary>
public sealed class AudienceResolver
{
    private readonly HashSet<string> _tenants;
    private readonly HashSet<string> _staffUsers;
    private readonly HashSet<string> _staffTeams;
    private readonly bool _anonymousMode;

    /// <summary>Creates the resolver from the Teams settings and the bot's identity (anonymous without an app id).</summary>
    public AudienceResolver(IOptions<TeamsOptions> options, IOptions<BotFrameworkAuthenticationOptions> identity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        _tenants = Set(options.Value.AllowedTenantIds);
        _staffUsers = Set(options.Value.StaffUserObjectIds);
        _staffTeams = Set(options.Value.StaffTeamIds);
        _anonymousMode = identity.Value.IsAnonymous;
    }

    /// <summary>
    /// True when a Teams activity's tenant may use the bot: a listed tenant, or any tenant when no list is configured
    /// in anonymous development mode. With an app id and no list, no tenant may. Always false off Teams.
    /// </summary>
    public bool IsAllowedTenant(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!TeamsActivity.IsTeams(activity))
        {
            return false;
        }

        return IsAllowedTenantId(TeamsActivity.TenantOf(activity));
    }

    /// <summary>True when <paramref name="tenantId"/> is allowed (see <see cref="IsAllowedTenant"/>).</summary>
    public bool IsAllowedTenantId(string? tenantId) =>
        _tenants.Count == 0 ? _anonymousMode : tenantId is not null && _tenants.Contains(tenantId);

    /// <summary>True when a list of allowed tenants is configured.</summary>
    public bool HasTenantList => _tenants.Count > 0;

    /// <summary>True when staff-only answers may be given: Teams, allowed tenant. Every other channel is public.</summary>
    public bool IsStaff(Activity activity) => IsAllowedTenant(activity);

    /// <summary>
    /// True when the sender may use the staff commands: staff (see <see cref="IsStaff"/>) and, when a staff group is
    /// configured, listed by Entra object id or writing in a listed team's channel.
    /// </summary>
    public bool MayUseStaffCommands(Activity activity)
    {
        if (!IsStaff(activity))
        {
            return false;
        }

        if (_staffUsers.Count == 0 && _staffTeams.Count == 0)
        {
            return true;
        }

        return (activity.From?.AadObjectId is { } user && _staffUsers.Contains(user))
            || (TeamsActivity.TeamOf(activity) is { } team && _staffTeams.Contains(team))
            || (TeamsActivity.TeamGroupOf(activity) is { } group && _staffTeams.Contains(group));
    }

    /// <summary>The Teams tenant of an activity: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public static string? TenantOf(Activity activity) => TeamsActivity.TenantOf(activity);

    private static HashSet<string> Set(IEnumerable<string> values) =>
        new(values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);
}
