namespace Chatbot.Knowledge;

/// <summary>When a <see cref="FaqWatcher"/> polls its folder, and how often.</summary>
/// <param name="Always">Poll instead of using file system notifications.</param>
/// <param name="Interval">The time between two looks at the folder.</param>
public sealed record FolderPolling(bool Always, TimeSpan Interval)
{
    /// <summary>File system notifications, polling only when they cannot be had.</summary>
    public static FolderPolling WhenNotificationsFail(TimeSpan interval) => new(false, interval);

    /// <summary>
    /// Polling as configured, or always when the process is told to poll files everywhere: .NET's own switch,
    /// <c>DOTNET_USE_POLLING_FILE_WATCHER=true</c> (or <c>1</c>), which also makes the framework's configuration
    /// reload poll. Without that switch a host with no inotify instance left cannot even start, so it is the
    /// one setting an operator needs.
    /// </summary>
    public static FolderPolling Configured(bool pollForChanges, TimeSpan interval) =>
        new(pollForChanges || FrameworkPollsFiles(Environment.GetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER")), interval);

    /// <summary>How the framework's <c>PhysicalFileProvider</c> reads its switch: "true" or "1".</summary>
    internal static bool FrameworkPollsFiles(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
