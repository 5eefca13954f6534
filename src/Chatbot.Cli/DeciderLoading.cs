using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Embeddings;
using Chatbot.Faq.Safety;

namespace Chatbot.Cli;

/// <summary>
/// The bot's own message-to-decision function for the CLI: the safety gate with its learned layer (loaded from
/// <c>models/safety/</c>, trained there the first time) and the default answer policy.
/// </summary>
internal static class DeciderLoading
{
    public static MessageDecider Load(CliContext context, IntentModelLoadResult loaded, string modelFolder, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(modelFolder, "safety");
        if (!File.Exists(Path.Combine(folder, IntentModelFiles.MetadataFileName)))
        {
            context.Error.WriteLine("Training the safety gate's learned layer (first time only, about a minute)...");
        }

        var model = SafetyModel.LoadOrTrain(folder, SentenceEmbedder.Shared, context.TimeProvider, loaded.Dataset.Examples.Select(e => e.Text), cancellationToken: cancellationToken);
        return MessageDecider.With(model);
    }

    public static FaqKnowledge Knowledge(IntentModelLoadResult loaded) =>
        new(loaded.Catalog, loaded.Classifier, loaded.Classifier.ModelVersion);
}
