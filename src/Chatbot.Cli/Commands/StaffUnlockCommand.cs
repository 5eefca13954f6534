using System.CommandLine;
using Chatbot.Clinic.Staff;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot staff unlock &lt;username&gt;</c>: ends a lock-out after too many failed sign-ins.</summary>
internal static class StaffUnlockCommand
{
    public static Command Create(CliContext context)
    {
        var database = new BookingDatabase();
        var userName = new Argument<string>("username") { Description = "The locked account." };
        var command = new Command("unlock", "Unlock a staff account locked after too many failed sign-ins (and reset its failure count).");
        database.AddTo(command);
        command.Arguments.Add(userName);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (database.OpenStores(context, result, path => $"no database at {path}; pass --db.") is not { } stores)
            {
                return ExitCodes.Failed;
            }

            var name = result.GetValue(userName) ?? string.Empty;
            if (!await new StaffAccounts(stores.StaffAccounts, context.TimeProvider).UnlockAsync(name, cancellationToken))
            {
                context.Error.WriteLine($"error: there is no staff account '{name}' (see 'chatbot staff list').");
                return ExitCodes.Failed;
            }

            context.Output.WriteLine($"Unlocked '{name}'.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
