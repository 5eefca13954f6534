using Spectre.Console;

namespace Chatbot.Cli;

/// <summary>What every command writes to, and the clock.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TimeProvider timeProvider)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>A Spectre console over <see cref="Output"/>: colours only on a real terminal, wide tables otherwise.</summary>
    public IAnsiConsole CreateConsole()
    {
        var isTerminal = ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Output),
        });
        if (!isTerminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
