using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Cli.Tests;

/// <summary>Runs the CLI in-process and captures its output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    private static readonly TimeProvider Clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));

    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
