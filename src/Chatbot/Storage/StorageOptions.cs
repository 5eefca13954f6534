using System.ComponentModel.DataAnnotations;

namespace Chatbot.Storage;

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
}

/// <summary>Storage providers.</summary>
public enum StorageProvider
{
    /// <summary>A local SQLite file (default).</summary>
    Sqlite,

    /// <summary>Process memory: tests and throwaway demos; lost on restart.</summary>
    InMemory,
}
