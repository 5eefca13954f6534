using Newtonsoft.Json.Linq;

namespace Chatbot.Tests;

/// <summary>Finds the repository's real faq-data folder from the test output folder.</summary>
internal static class FaqDataFolder
{
    public static string Path { get; } = Find();

    public static IEnumerable<(string Text, string Intent)> Examples()
    {
        foreach (var file in Directory.GetFiles(Path, "*.json"))
        {
            if (file.EndsWith(".schema.json", StringComparison.Ordinal))
            {
                continue;
            }

            var topic = JObject.Parse(File.ReadAllText(file));
            foreach (var entry in topic["entries"]!)
            {
                foreach (var example in entry["examples"]!)
                {
                    yield return (example.Value<string>()!, entry["id"]!.Value<string>()!);
                }
            }
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Chatbot.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "faq-data");
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository's faq-data folder above " + AppContext.BaseDirectory);
    }
}
