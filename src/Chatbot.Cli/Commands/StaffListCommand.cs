using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot staff list</c>: the local staff accounts, with lock-outs and last sign-in (never a hash).</summary>
internal static class StaffListCommand
{
    public static Command Create(CliContext context)
    {
        var database = new BookingDatabase();
        var json = new Option<bool>("--json") { Description = "Print the accounts as JSON." };
        var command = new Command("list", "List local staff accounts: created, last sign-in, failed sign-ins, locked until.");
        database.AddTo(command);
        command.Options.Add(json);
        command.SetAction((result, cancellationToken) => RunAsync(context, database.ResolvePath(result), result.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string dbPath, bool json, CancellationToken cancellationToken)
    {
        if (!File.Exists(dbPath))
        {
            context.Error.WriteLine($"error: no database at {dbPath}; create an account with 'chatbot staff add', or pass --db.");
            return ExitCodes.Failed;
        }

        var now = context.TimeProvider.GetUtcNow();
        var accounts = await new SqliteStaffAccountStore(new SqliteDatabase(dbPath)).ListAsync(cancellationToken);
        if (json)
        {
            CliJson.Write(context.Output, accounts.Select(a => new
            {
                userName = a.UserName,
                createdAt = a.CreatedAt,
                lastSignInAt = a.LastSignInAt,
                failedSignIns = a.FailedSignIns,
                lockedOutUntil = a.IsLockedOut(now) ? a.LockedOutUntil : null,
            }));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("User", "Created (UTC)", "Last sign-in (UTC)", "Failed", "Locked until (UTC)");
        foreach (var a in accounts)
        {
            table.AddRow(
                Markup.Escape(a.UserName),
                Time(a.CreatedAt),
                a.LastSignInAt is { } last ? Time(last) : "never",
                a.FailedSignIns.ToString(CultureInfo.InvariantCulture),
                a.IsLockedOut(now) ? Time(a.LockedOutUntil!.Value) : "—");
        }

        context.CreateConsole().Write(table);
        context.Output.WriteLine($"{accounts.Count} account(s).");
        return ExitCodes.Ok;
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
