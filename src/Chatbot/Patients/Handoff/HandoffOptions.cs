using System.ComponentModel.DataAnnotations;

namespace Chatbot.Patients.Handoff;

/// <summary>Hand-off to a person.</summary>
public sealed class HandoffOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Handoff";

    /// <summary>How long the bot stays quiet after a hand-off if staff neither reply nor release the conversation.</summary>
    /// <value>The default is 30 minutes.</value>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
}
