using System.ComponentModel.DataAnnotations;

namespace Chatbot.Staff.Teams;

/// <summary>Microsoft Teams: who counts as staff, who may use the staff commands, and where staff notifications go.</summary>
public sealed class TeamsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Teams";

    /// <summary>
    /// Microsoft Entra tenant ids whose Teams users are clinic staff. Teams requests from any other tenant get a polite
    /// refusal and nothing else. Empty: in anonymous development mode (no <c>MicrosoftAppId</c>) any tenant is accepted;
    /// with an app id every tenant is refused (and a warning is logged at start-up).
    /// </summary>
    /// <value>The default is empty.</value>
    public IList<string> AllowedTenantIds { get; set; } = [];

    /// <summary>
    /// Entra object ids (<c>from.aadObjectId</c>) of the people who may use the staff commands. Together with
    /// <see cref="StaffTeamIds"/>: when both are empty, everyone in an allowed tenant may use them.
    /// </summary>
    /// <value>The default is empty.</value>
    public IList<string> StaffUserObjectIds { get; set; } = [];

    /// <summary>
    /// Teams team ids (<c>channelData.team.id</c>, <c>19:…@thread.tacv2</c>) or their Microsoft 365 group ids
    /// (<c>channelData.team.aadGroupId</c>) in whose channels anyone may use the staff commands.
    /// </summary>
    /// <value>The default is empty.</value>
    public IList<string> StaffTeamIds { get; set; } = [];

    /// <summary>
    /// The Teams channel (<c>19:…@thread.tacv2</c> or <c>…@thread.skype</c>) that receives booking requests and
    /// hand-offs as new posts. Empty: the Teams notification channel is off.
    /// </summary>
    /// <value>The default is none.</value>
    public string? NotificationChannelId { get; set; }

    /// <summary>How many booking requests the <c>bookings</c> command shows.</summary>
    /// <value>The default is 8.</value>
    [Range(1, 25)]
    public int BookingsShown { get; set; } = 8;

    /// <summary>How many question groups the <c>unanswered</c> command shows.</summary>
    /// <value>The default is 10.</value>
    [Range(1, 25)]
    public int UnansweredShown { get; set; } = 10;

    /// <summary>The period the <c>unanswered</c> command looks at when no number of days is given.</summary>
    /// <value>The default is 7.</value>
    [Range(1, 365)]
    public int UnansweredDefaultDays { get; set; } = 7;
}
