using System.CommandLine;
using Chatbot.Cli.Commands;

namespace Chatbot.Cli;

/// <summary>The <c>chatbot</c> staff CLI: validate, train, evaluate, ask, test, bookings.</summary>
internal static class CliApp
{
    /// <summary>Runs the CLI in-process.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Human (or JSON) output.</param>
    /// <param name="error">Diagnostics and progress.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <returns>0 ok, 1 invalid data or failed run, 2 usage error.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider? timeProvider = null)
    {
        var context = new CliContext(output, error, timeProvider ?? TimeProvider.System);
        var root = new RootCommand("Clinic chatbot staff tool: check the FAQ data, train and try the intent model, follow up booking requests.")
        {
            ValidateCommand.Create(context),
            TrainCommand.Create(context),
            EvaluateCommand.Create(context),
            AskCommand.Create(context),
            TestCommand.Create(context),
            BookingsCommand.Create(context),
            PublishCommand.Create(context),
            RollbackCommand.Create(context),
            PublishHistoryCommand.Create(context),
            StaffCommand.Create(context, Console.In, StaffCommand.ReadSecretFromConsole),
        };
        foreach (var command in ExchangeCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'chatbot --help' for usage.");
            return ExitCodes.Usage;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
