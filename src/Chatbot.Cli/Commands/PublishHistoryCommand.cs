using System.CommandLine;
using Chatbot.Faq.Publishing;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot publish-history</c>: the last publish results (by the bot, the staff page and the CLI).</summary>
internal static class PublishHistoryCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print the reports as JSON." };
        var count = new Option<int>("--count") { Description = "How many reports, newest first.", DefaultValueFactory = _ => 10, HelpName = "n" };
        var command = new Command("publish-history", "Show the last publishes, cross-validations and rollbacks, with the reasons of the newest.");
        common.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(count);
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(context, common.ModelFolder(result), result.GetValue(count), result.GetValue(json))));
        return command;
    }

    private static int Run(CliContext context, string modelFolder, int count, bool json)
    {
        if (count < 1)
        {
            context.Error.WriteLine("error: --count must be at least 1.");
            return ExitCodes.Usage;
        }

        IReadOnlyList<PublishReport> reports;
        try
        {
            reports = new FaqPublisher(context.TimeProvider).History(modelFolder, count);
        }
        catch (ModelVersionStoreException ex)
        {
            context.Error.WriteLine(ex.Message);
            return ExitCodes.Failed;
        }

        if (json)
        {
            CliJson.Write(context.Output, reports);
            return ExitCodes.Ok;
        }

        if (reports.Count == 0)
        {
            context.Output.WriteLine($"Nothing has been published from {modelFolder} yet.");
            return ExitCodes.Ok;
        }

        context.CreateConsole().Write(PublishOutput.HistoryTable(reports));
        context.Output.WriteLine("Newest:");
        PublishOutput.Write(context, reports[0]);
        return ExitCodes.Ok;
    }
}
