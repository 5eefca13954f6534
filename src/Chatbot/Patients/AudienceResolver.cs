using Chatbot.BotFramework.Teams;
using Chatbot.BotFramework.Authentication;
using Chatbot.BotFramework.Schema;
using Chatbot.Staff.Teams;
using Microsoft.Extensions.Options;

namespace Chatbot.Patients;

/// <summary>
/// Who is talking: clinic staff (Teams users of an allowed tenant) or the public (every other channel), whether a
/// Teams tenant may use the bot at all, and who may use the staff commands.
/// </summary>
/// <remarks>
/// A Teams activity counts only when a Bot Connector token vouched for it (<c>callerId</c>
/// <c>urn:botframework:azure</c>, which only the adapter's authentication sets, after checking that the signing key is
/// endorsed for <c>msteams</c>). A claimed <c>channelId</c> alone — anonymous mode, our own Direct Line — never makes
/// anyone staff, and without <see cref="TeamsOptions.AllowedTenantIds"/> no tenant is allowed.
/// </remarks>
public sealed class AudienceResolver
{
    private readonly HashSet<string> _tenants;
    private readonly HashSet<string> _staffUsers;
    private readonly HashSet<string> _staffTeams;

    /// <summary>Creates the resolver from the Teams settings and the bot's identity (anonymous without an app id).</summary>
    public AudienceResolver(IOptions<TeamsOptions> options, IOptions<BotFrameworkAuthenticationOptions> identity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        _tenants = Set(options.Value.AllowedTenantIds);
        _staffUsers = Set(options.Value.StaffUserObjectIds);
        _staffTeams = Set(options.Value.StaffTeamIds);
    }

    /// <summary>
    /// True when a Teams activity authenticated by a Bot Connector token comes from a listed tenant. Without a list, or
    /// without the token, or off Teams: false.
    /// </summary>
    public bool IsAllowedTenant(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return IsAuthenticatedTeams(activity) && IsAllowedTenantId(TeamsActivity.TenantOf(activity));
    }

    /// <summary>True when <paramref name="tenantId"/> is on the allow-list (an empty list allows none).</summary>
    public bool IsAllowedTenantId(string? tenantId) => tenantId is not null && _tenants.Contains(tenantId);

    /// <summary>
    /// True for a Teams activity that came with a valid Bot Connector token: the adapter replaces any <c>callerId</c>
    /// a caller sent with the one authentication produced, and our own Direct Line clears it.
    /// </summary>
    public static bool IsAuthenticatedTeams(Activity activity) =>
        TeamsActivity.IsTeams(activity) && string.Equals(activity.CallerId, CallerIdConstants.PublicAzureChannel, StringComparison.Ordinal);

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
