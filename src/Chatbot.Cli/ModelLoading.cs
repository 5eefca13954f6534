using Chatbot.Faq.Classification;

namespace Chatbot.Cli;

/// <summary>Loads the model for <c>ask</c> and <c>test</c>, training it first when missing, damaged or stale.</summary>
internal static class ModelLoading
{
    public static IntentModelLoadResult? LoadOrTrain(CliContext context, string dataFolder, string modelFolder, CancellationToken cancellationToken)
    {
        try
        {
            var result = new IntentModelStore(context.TimeProvider)
                .LoadOrTrain(dataFolder, modelFolder, new ProgressLines(context.Error), cancellationToken);
            if (result.Trained)
            {
                context.Error.WriteLine($"{result.Reason} A new model was trained and saved to {modelFolder}.");
            }
            else if (result.Issues.Any(i => i.IsError))
            {
                context.Error.WriteLine(result.Reason);
            }

            return result;
        }
        catch (FaqDatasetInvalidException ex)
        {
            DataLoading.WriteIssues(context.Error, ex.Issues.Where(i => i.IsError));
            context.Error.WriteLine("The FAQ data has errors and there is no previous model; fix them first (see 'chatbot validate').");
            return null;
        }
    }
}
