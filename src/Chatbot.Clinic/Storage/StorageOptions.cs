using System.ComponentModel.DataAnnotations;

namespace Chatbot.Clinic.Storage;

/// <summary>Where the bot keeps conversation state, transcripts and review data.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Storage";

    /// <summary>The storage provider.</summary>
    /// <value>The default is <see cref="StorageProvider.Sqlite"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Path of the SQLite database file, relative to the content root unless absolute; created on first run.</summary>
    /// <value>The default is <c>App_Data/chatbot.db</c>.</value>
    [Required]
    public string SqlitePath { get; set; } = "App_Data/chatbot.db";

    /// <summary>How long redacted unanswered questions are kept for staff review.</summary>
    /// <value>The default is 90 days.</value>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan UnansweredRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long conversation state is kept after the last turn.</summary>
    /// <value>The default is 30 days.</value>
    [Range(typeof(TimeSpan), "00:05:00", "3650.00:00:00")]
    public TimeSpan StateRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a booking draft is kept after the patient's last turn when they leave without finishing.</summary>
    /// <value>The default is 4 hours.</value>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan BookingDraftLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long staff notifications (booking requests, hand-offs) stay in the outbox, delivered or not.</summary>
    /// <value>The default is 30 days.</value>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan NotificationRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long staff decisions on unanswered wordings (dismissed, added as examples) are remembered.</summary>
    /// <value>The default is 365 days.</value>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ReviewRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long patients' 👍/👎 votes on answers are kept (they carry no text and link to no conversation).</summary>
    /// <value>The default is 365 days.</value>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan FeedbackRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long the staff audit log is kept (HIPAA asks for six years of security records).</summary>
    /// <value>The default is 2,190 days (six years).</value>
    [Range(typeof(TimeSpan), "30.00:00:00", "7300.00:00:00")]
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(2190);
}

/// <summary>Storage providers.</summary>
public enum StorageProvider
{
    /// <summary>A local SQLite file (default).</summary>
    Sqlite,

    /// <summary>Process memory: tests and throwaway demos; lost on restart.</summary>
    InMemory,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:Chatbot</c>): several instances share it.</summary>
    Postgres,
}
