using System.CommandLine;
using Chatbot.Clinic.Staff;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Cli.Commands;

/// <summary>
/// <c>chatbot staff add &lt;username&gt; [--password-stdin]</c>: creates a local staff account. The password is never
/// an argument (it would stay in the shell history and the process list): it is typed at the terminal (twice, not
/// shown) or piped with <c>--password-stdin</c>, e.g. in CI: <c>printf '%s' "$PW" | chatbot staff add maria --password-stdin</c>.
/// </summary>
internal static class StaffAddCommand
{
    public static Command Create(CliContext context, TextReader input, Func<string, string?>? readSecret)
    {
        var database = new BookingDatabase();
        var userName = new Argument<string>("username") { Description = "The new account's user name (letters, digits, . _ - @)." };
        var fromStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (for scripts and CI) instead of asking for it." };
        var command = new Command("add", $"Create a local staff account; the password (at least {StaffAccounts.MinimumPasswordLength} characters) is asked for, or read from standard input.");
        database.AddTo(command);
        command.Arguments.Add(userName);
        command.Options.Add(fromStdin);
        command.SetAction((result, cancellationToken) =>
            RunAsync(context, database.ResolvePath(result), result.GetValue(userName) ?? string.Empty, result.GetValue(fromStdin), input, readSecret, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string dbPath, string userName, bool fromStdin, TextReader input, Func<string, string?>? readSecret, CancellationToken cancellationToken)
    {
        if (StaffAccounts.CheckUserName(userName) is { } badName)
        {
            context.Error.WriteLine($"error: {badName}");
            return ExitCodes.Usage;
        }

        string? password;
        if (fromStdin)
        {
            password = (await input.ReadToEndAsync(cancellationToken)).TrimEnd('\r', '\n');
        }
        else
        {
            password = readSecret?.Invoke($"Password for {userName}: ");
            if (password is null)
            {
                context.Error.WriteLine("error: no terminal to type the password at; pipe it with --password-stdin (never put it on the command line).");
                return ExitCodes.Usage;
            }

            if (readSecret!($"Repeat the password: ") != password)
            {
                context.Error.WriteLine("error: the two passwords differ; nothing was created.");
                return ExitCodes.Failed;
            }
        }

        if (StaffAccounts.CheckPassword(password, userName) is { } badPassword)
        {
            context.Error.WriteLine($"error: {badPassword} Nothing was created.");
            return ExitCodes.Failed;
        }

        var created = !File.Exists(dbPath);
        var accounts = new StaffAccounts(new SqliteStaffAccountStore(new SqliteDatabase(dbPath)), context.TimeProvider);
        if (await accounts.AddAsync(userName, password, cancellationToken) is { } problem)
        {
            context.Error.WriteLine($"error: {problem}");
            return ExitCodes.Failed;
        }

        context.Output.WriteLine($"Created staff account '{userName}' in {dbPath}{(created ? " (new database)" : string.Empty)}. They can sign in at /staff.");
        return ExitCodes.Ok;
    }
}
