namespace Chatbot.Knowledge;

/// <summary>When a <see cref="FaqWatcher"/> polls its folder, and how often.</summary>
/// <param name="Always">Poll instead of using file system notifications.</param>
/// <param name="Interval">The time between two looks at the folder.</param>
public sealed record FolderPolling(bool Always, TimeSpan Interval)
{
    /// <summary>File system notifications, polling only when they cannot be had.</summary>
    public static FolderPolling WhenNotificationsFail(TimeSpan interval) => new(false, interval);
}
