namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>Folders of the repository, found from the test output folder (the one holding Chatbot.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string FaqData { get; } = Path.Combine(Root, "faq-data");

    /// <summary>
    /// The model folder the bot and the other test projects share for this faq-data: under the system temp directory,
    /// never in the repository (trained once per machine and dataset, see <see cref="Chatbot.Testing.TestModelFolder"/>).
    /// </summary>
    public static string Models { get; } = Chatbot.Testing.TestModelFolder.For(FaqData);

    /// <summary>tests/clients: the npm clients (package.json, *.test.js).</summary>
    public static string Clients { get; } = Path.Combine(Root, "tests", "clients");

    /// <summary>Screenshots and other artefacts (git-ignored: TestResults/).</summary>
    public static string Artifacts { get; } = Path.Combine(Root, "tests", "Chatbot.EndToEndTests", "TestResults");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chatbot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository (Chatbot.sln) above " + AppContext.BaseDirectory);
    }
}
