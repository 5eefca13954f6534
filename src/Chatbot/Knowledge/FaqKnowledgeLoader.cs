using Chatbot.Faq;
using Chatbot.Faq.Classification;
using Microsoft.Extensions.Options;

namespace Chatbot.Knowledge;

/// <summary>
/// Loads the FAQ and its model at start-up, training the model first when it is missing, damaged or stale, so a
/// fresh clone runs without a separate training step. Runs in the background: the host answers /healthz at once
/// and /readyz once the knowledge is published.
/// </summary>
public sealed partial class FaqKnowledgeLoader(
    FaqKnowledgeProvider provider,
    IOptions<FaqOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<FaqKnowledgeLoader> logger) : BackgroundService
{
    /// <summary>The data folder, resolved against the content root (and, in a source checkout, the repository root).</summary>
    public static string ResolveDataFolder(FaqOptions options, string contentRoot)
    {
        if (Path.IsPathRooted(options.DataFolder))
        {
            return options.DataFolder;
        }

        var candidate = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        if (Directory.Exists(candidate))
        {
            return candidate;
        }

        // `dotnet run --project src/Chatbot` runs with src/Chatbot as content root: use the repository's faq-data/.
        var root = FaqPaths.FindRepositoryRoot(contentRoot);
        return root is null ? candidate : Path.Combine(root, options.DataFolder);
    }

    /// <summary>Loads (or trains) and publishes once; returns the load result.</summary>
    public IntentModelLoadResult LoadAndPublish(CancellationToken cancellationToken)
    {
        var dataFolder = ResolveDataFolder(options.Value, environment.ContentRootPath);
        var modelFolder = options.Value.ModelFolder is { Length: > 0 } configured
            ? Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured))
            : FaqPaths.DefaultModelFolder(dataFolder);
        var result = new IntentModelStore(timeProvider).LoadOrTrain(dataFolder, modelFolder, progress: null, cancellationToken);
        provider.Publish(new FaqKnowledge(result.Catalog, result.Classifier, result.Classifier.ModelVersion));
        Log.Published(logger, result.Classifier.ModelVersion, result.Catalog.Entries.Count, result.Trained, result.Reason, dataFolder);
        foreach (var issue in result.Issues.Where(i => !i.IsError).Take(20))
        {
            Log.DatasetWarning(logger, issue.ToString());
        }

        return result;
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

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "FAQ knowledge {Version} published: {EntryCount} entries, trained now: {Trained} ({Reason}) from {DataFolder}")]
        public static partial void Published(ILogger logger, string version, int entryCount, bool trained, string reason, string dataFolder);

        [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ data: {Issue}")]
        public static partial void DatasetWarning(ILogger logger, string issue);

        [LoggerMessage(Level = LogLevel.Critical, Message = "The FAQ knowledge could not be loaded; the bot answers 'not ready' until it is fixed")]
        public static partial void LoadFailed(ILogger logger, Exception exception);
    }
}
