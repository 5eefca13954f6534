using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Publishing;
using Microsoft.Extensions.Options;

namespace Chatbot.Knowledge;

/// <summary>
/// Loads the FAQ at start-up and serves it. Runs in the background: the host answers /healthz at once and /readyz
/// once the knowledge is served.
/// </summary>
/// <remarks>
/// <para>
/// With a published version (<c>models/published.json</c>), that version serves: a restart never serves a
/// half-edited data folder. Edits made while the bot was stopped first go through the same gate as a live edit
/// (when <see cref="PublishingOptions.WatchDataFolder"/> is on), before the first answer.
/// </para>
/// <para>
/// Without one (a fresh clone, or an install from before publishing existed), the working model is loaded or
/// trained as before (<see cref="IntentModelStore.LoadOrTrain"/>), served, and then published as the first version,
/// reusing that model.
/// </para>
/// </remarks>
public sealed partial class FaqKnowledgeLoader(
    FaqKnowledgeProvider provider,
    FaqPublishingService publishing,
    FaqPublisher publisher,
    FaqFolders folders,
    IOptions<PublishingOptions> publishingOptions,
    TimeProvider timeProvider,
    ILogger<FaqKnowledgeLoader> logger) : BackgroundService
{
    private const string SystemUser = "system";

    // Another process holding the publish lock longer (the CLI, another instance) is publishing: serve what is
    // published now; the bot follows published.json and serves that process's result when it is written.
    private static readonly TimeSpan StartupLockTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The data folder, resolved against the content root (and, in a source checkout, the repository root).</summary>
    public static string ResolveDataFolder(Faq.FaqOptions options, string contentRoot) => FaqFolders.ResolveDataFolder(options, contentRoot);

    /// <summary>Loads (or trains, or publishes) and serves once.</summary>
    /// <returns>The knowledge now served.</returns>
    public FaqKnowledge LoadAndPublish(CancellationToken cancellationToken)
    {
        // The approved example questions' sentence vectors, kept by the last training: a patient who types (or taps)
        // one of them costs a lookup, not an encoding, from the first message on.
        Faq.Embeddings.SentenceEmbedder.Shared.LoadExamples(Path.Combine(folders.ModelFolder, Faq.Classification.IntentModelFiles.ExampleVectorsFileName));

        if (TryLoadPublished() is { } published)
        {
            PublishResult? result = null;
            if (publishingOptions.Value.WatchDataFolder)
            {
                result = publisher.Publish(folders.DataFolder, folders.ModelFolder, PublishTrigger.Startup, SystemUser, StartupLockTimeout, cancellationToken);
                publishing.Record(result);
            }

            if (result?.Current is null)
            {
                publishing.Serve(published);
            }

            var served = publishing.CurrentVersion ?? published.Info;
            Log.ServingPublished(logger, PublishReport.Short(served.Version), served.PublishedAt, served.PublishedBy, served.CrossValidated, folders.ModelFolder);
            return provider.Current!;
        }

        var loaded = new IntentModelStore(timeProvider).LoadOrTrain(folders.DataFolder, folders.ModelFolder, progress: null, cancellationToken);
        provider.Publish(new FaqKnowledge(loaded.Catalog, loaded.Classifier, loaded.Classifier.ModelVersion));
        Log.Published(logger, loaded.Classifier.ModelVersion, loaded.Catalog.Entries.Count, loaded.Trained, loaded.Reason, folders.DataFolder);
        foreach (var issue in loaded.Issues.Where(i => !i.IsError).Take(20))
        {
            Log.DatasetWarning(logger, issue.ToString());
        }

        if (!loaded.Issues.Any(i => i.IsError))
        {
            // The first published version: the model just loaded or trained is reused, not retrained.
            publishing.Record(publisher.Publish(folders.DataFolder, folders.ModelFolder, PublishTrigger.Startup, SystemUser, StartupLockTimeout, cancellationToken));
        }

        return provider.Current!;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Training is CPU work: keep it off the start-up path.
        await Task.Yield();
        try
        {
            await Task.Run(() => LoadAndPublish(stoppingToken), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            provider.ReportLoadError(ex.Message);
            Log.LoadFailed(logger, ex);
        }
    }

    private PublishedVersion? TryLoadPublished()
    {
        try
        {
            return publisher.LoadCurrent(folders.ModelFolder);
        }
        catch (Exception ex) when (ex is ModelVersionStoreException or IntentModelException)
        {
            Log.PublishedUnusable(logger, ex.Message);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "FAQ knowledge {Version} published: {EntryCount} entries, trained now: {Trained} ({Reason}) from {DataFolder}")]
        public static partial void Published(ILogger logger, string version, int entryCount, bool trained, string reason, string dataFolder);

        [LoggerMessage(Level = LogLevel.Information, Message = "FAQ knowledge: serving published version {Version} (published {PublishedAt:u} by {PublishedBy}, cross-validated: {CrossValidated}) from {ModelFolder}")]
        public static partial void ServingPublished(ILogger logger, string version, DateTimeOffset publishedAt, string publishedBy, bool crossValidated, string modelFolder);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The published FAQ version cannot be used ({Problem}); starting from the data folder")]
        public static partial void PublishedUnusable(ILogger logger, string problem);

        [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ data: {Issue}")]
        public static partial void DatasetWarning(ILogger logger, string issue);

        [LoggerMessage(Level = LogLevel.Critical, Message = "The FAQ knowledge could not be loaded; the bot answers 'not ready' until it is fixed")]
        public static partial void LoadFailed(ILogger logger, Exception exception);
    }
}
