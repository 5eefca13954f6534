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

    /// <summary>
    /// How long a live hand-off waits for a staff member to take it; then the patient is told nobody could join and is
    /// offered the phone number and booking, and the bot answers again.
    /// </summary>
    /// <value>The default is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:30", "02:00:00")]
    public TimeSpan TakeTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each instance looks for live hand-offs nobody took in time (each is timed out by one instance only).</summary>
    /// <value>The default is 15 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the record of an ended live hand-off (who took and ended it, when; no message text) is kept.</summary>
    /// <value>The default is 30 days.</value>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan EndedRetention { get; set; } = TimeSpan.FromDays(30);
}
