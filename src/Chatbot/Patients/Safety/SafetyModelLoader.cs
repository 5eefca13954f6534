using Chatbot.Faq.Dataset;
using Chatbot.Faq.Embeddings;
using Chatbot.Faq.Safety;
using Chatbot.Knowledge;

namespace Chatbot.Patients.Safety;

/// <summary>
/// Loads the safety gate's learned layer at start-up (or trains it, about half a minute, the first time), with the
/// FAQ's example questions as extra safe examples. Start-up is not held up: until it is loaded the gate waits a few
/// seconds per message and then runs on its rules alone, and <c>/readyz</c> says "loading".
/// </summary>
public sealed partial class SafetyModelLoader(
    SafetyModelHolder holder,
    FaqFolders folders,
    TimeProvider timeProvider,
    ILogger<SafetyModelLoader> logger) : BackgroundService
{
    /// <summary>Where the trained model is kept, inside the model folder.</summary>
    public const string FolderName = "safety";

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        holder.BeginLoading();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            try
            {
                var questions = new FaqDatasetLoader().Load(folders.DataFolder).Examples.Select(e => e.Text).ToList();
                var model = SafetyModel.LoadOrTrain(Path.Combine(folders.ModelFolder, FolderName), SentenceEmbedder.Shared, timeProvider, questions, cancellationToken: stoppingToken);
                holder.Set(model);
                Log.Loaded(logger, model.Model.Labels.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                holder.Fail(new OperationCanceledException("stopped before the safety model loaded"));
            }
            catch (Exception ex)
            {
                holder.Fail(ex);
                Log.Failed(logger, ex);
            }
        },
        stoppingToken);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Safety gate: learned layer loaded ({Labels} labels)")]
        public static partial void Loaded(ILogger logger, int labels);

        [LoggerMessage(Level = LogLevel.Critical, Message = "Safety gate: the learned layer could not be loaded; the gate runs on its phrase rules alone")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
