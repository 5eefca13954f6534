using System.CommandLine;
using Chatbot.Faq.Classification;
using Spectre.Console;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot train</c>: validates, cross-validates (for thresholds and metrics), trains and saves the model.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var command = new Command("train", "Validate the data, then train the intent model and write model.zip + model.json.");
        common.AddTo(command);
        command.SetAction((result, cancellationToken) =>
            Task.FromResult(Run(context, common.DataFolder(result), common.ModelFolder(result), cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string dataFolder, string modelFolder, CancellationToken cancellationToken)
    {
        var (dataset, _, issues) = DataLoading.LoadAndValidate(dataFolder, context.TimeProvider);
        if (!DataLoading.EnsureValid(context, issues))
        {
            return ExitCodes.Failed;
        }

        context.Error.WriteLine($"Training on {dataset.Entries.Count} intents from {dataFolder} …");
        var store = new IntentModelStore(context.TimeProvider);
        var trained = store.Train(dataset, modelFolder, new ProgressLines(context.Error), cancellationToken);
        var m = trained.Metadata;
        var console = context.CreateConsole();
        console.Write(ReportTables.Summary(trained.Evaluation));
        context.Output.WriteLine($"Model written to {Path.Combine(modelFolder, IntentModelFiles.ModelFileName)} ({Format.Number(m.ModelBytes / 1024.0 / 1024.0)} MB) in {Format.Number(m.TrainingSeconds, "F1")} s.");
        context.Output.WriteLine($"Model version (dataset hash): {m.DatasetHash}");
        context.Output.WriteLine($"Thresholds: answer ≥ {Format.Score(m.Thresholds.Answer)}, did-you-mean ≥ {Format.Score(m.Thresholds.Clarify)}, below: fallback.");
        return ExitCodes.Ok;
    }
}
