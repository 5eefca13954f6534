using System.CommandLine;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot staff …</c>: local accounts for the staff page (when it does not sign in with Microsoft Entra ID).</summary>
internal static class StaffCommand
{
    /// <param name="context">Output and clock.</param>
    /// <param name="input">Where <c>--password-stdin</c> reads from (the console's standard input).</param>
    /// <param name="readSecret">Reads a password typed at a terminal without echo; null when there is no terminal.</param>
    public static Command Create(CliContext context, TextReader input, Func<string, string?>? readSecret) =>
        new("staff", "Local staff accounts for the staff page (/staff): add, list, unlock.")
        {
            StaffAddCommand.Create(context, input, readSecret),
            StaffListCommand.Create(context),
            StaffUnlockCommand.Create(context),
        };

    /// <summary>Reads a line at the terminal without showing it; null when standard input is not a terminal.</summary>
    public static string? ReadSecretFromConsole(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return null;
        }

        Console.Error.Write(prompt);
        var secret = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return secret.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                {
                    secret.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
    }
}
