using System.CommandLine;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage.Sqlite;

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
            var dbPath = database.ResolvePath(result);
            if (!File.Exists(dbPath))
            {
                context.Error.WriteLine($"error: no database at {dbPath}; pass --db.");
                return ExitCodes.Failed;
            }

            var name = result.GetValue(userName) ?? string.Empty;
            var store = new SqliteStaffAccountStore(new SqliteDatabase(dbPath));
            if (!await new StaffAccounts(store, context.TimeProvider).UnlockAsync(name, cancellationToken))
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
