using System.ComponentModel.DataAnnotations;
using Chatbot.Faq.Publishing;

namespace Chatbot.Knowledge;

/// <summary>Live reload of the FAQ: the file watcher and the quality gate (<c>Chatbot:Publishing</c>).</summary>
public sealed class PublishingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chatbot:Publishing";

    /// <summary>
    /// Watch the data folder (topic files and <c>tests/</c>) and publish every saved change through the gate; also, at
    /// start-up, publish edits made while the bot was stopped. When false, only explicit publishes (staff page, CLI)
    /// change what the bot serves. A publish by the CLI (<c>models/published.json</c>) is always picked up.
    /// </summary>
    /// <value>The default is true.</value>
    public bool WatchDataFolder { get; set; } = true;

    /// <summary>How long the folder must be quiet after a change before publishing (editors write several events per save).</summary>
    /// <value>The default is 300 ms.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Look for changes (saved FAQ files, a new <c>published.json</c>) by comparing file sizes and write times every
    /// <see cref="PollInterval"/> instead of file system notifications. Needed when the folders are on a network file
    /// system written by other hosts (NFS, SMB, Azure Files): notifications report only this host's own writes.
    /// Without it, the bot still polls a folder it cannot get notifications for. .NET's own
    /// <c>DOTNET_USE_POLLING_FILE_WATCHER=true</c> turns it on too.
    /// </summary>
    /// <value>The default is false.</value>
    public bool PollForChanges { get; set; }

    /// <summary>How often to look for changes when polling.</summary>
    /// <value>The default is 5 s.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How the watchers poll (also always when <c>DOTNET_USE_POLLING_FILE_WATCHER</c> is set).</summary>
    public FolderPolling Polling => FolderPolling.Configured(PollForChanges, PollInterval);

    /// <inheritdoc cref="PublishGateOptions.MacroF1Tolerance"/>
    /// <value>The default is 0.02.</value>
    [Range(0.0, 1.0)]
    public double MacroF1Tolerance { get; set; } = 0.02;

    /// <inheritdoc cref="PublishGateOptions.StaffTestTolerance"/>
    /// <value>The default is 0: no new failures.</value>
    [Range(0, 100_000)]
    public int StaffTestTolerance { get; set; }

    /// <inheritdoc cref="FaqPublisherOptions.CrossValidateInBackground"/>
    /// <value>The default is true.</value>
    public bool CrossValidateInBackground { get; set; } = true;

    /// <inheritdoc cref="FaqPublisherOptions.KeepVersions"/>
    /// <value>The default is 10.</value>
    [Range(2, 1000)]
    public int KeepVersions { get; set; } = 10;

    /// <summary>The publisher settings these options stand for.</summary>
    public FaqPublisherOptions ToPublisherOptions() => new()
    {
        Gate = new PublishGateOptions { MacroF1Tolerance = MacroF1Tolerance, StaffTestTolerance = StaffTestTolerance },
        CrossValidateInBackground = CrossValidateInBackground,
        KeepVersions = KeepVersions,
    };
}
