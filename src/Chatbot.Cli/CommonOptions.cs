using System.CommandLine;
using Chatbot.Faq;

namespace Chatbot.Cli;

/// <summary>The <c>--data</c> and <c>--model</c> options every command takes.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Folder with the FAQ topic files. Default: faq-data/ of the repository (found by walking up to Chatbot.sln), else ./faq-data.",
        HelpName = "folder",
    };

    public Option<string?> Model { get; } = new("--model")
    {
        Description = "Folder for model.zip and model.json. Default: models/ beside the data folder (the repository's git-ignored models/).",
        HelpName = "folder",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Model);
    }

    public string DataFolder(ParseResult result) =>
        Path.GetFullPath(result.GetValue(Data) is { Length: > 0 } data ? data : FaqPaths.DefaultDataFolder(Environment.CurrentDirectory));

    public string ModelFolder(ParseResult result) =>
        Path.GetFullPath(result.GetValue(Model) is { Length: > 0 } model ? model : FaqPaths.DefaultModelFolder(DataFolder(result)));
}
