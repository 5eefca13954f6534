using Chatbot.BotFramework.Schema;

namespace Chatbot.Staff.Teams;

/// <summary>The staff member behind a Teams activity, as the audit trails name them.</summary>
public static class TeamsStaff
{
    /// <summary>Who did something, for audit trails: the display name and the Entra object id.</summary>
    public static string NameOf(Activity activity)
    {
        var name = NonEmpty(activity.From?.Name);
        var aad = NonEmpty(activity.From?.AadObjectId);
        return (name, aad) switch
        {
            (not null, not null) => $"{name} (aad:{aad})",
            (not null, null) => name,
            (null, not null) => "aad:" + aad,
            _ => "teams:" + (activity.From?.Id ?? "unknown"),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
