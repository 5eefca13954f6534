namespace Chatbot.Faq;

/// <summary>Finds the default data and model folders of a checkout.</summary>
public static class FaqPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "Chatbot.sln";

    /// <summary>Walks up from <paramref name="startDirectory"/> to the folder holding <c>Chatbot.sln</c>.</summary>
    /// <returns>The repository root, or null when there is none above the start.</returns>
    public static string? FindRepositoryRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary><c>&lt;repo&gt;/faq-data</c> when inside a checkout, else <c>./faq-data</c>.</summary>
    public static string DefaultDataFolder(string startDirectory)
    {
        var root = FindRepositoryRoot(startDirectory);
        return Path.Combine(root ?? Path.GetFullPath(startDirectory), "faq-data");
    }

    /// <summary>The <c>models</c> folder beside <paramref name="dataFolder"/> (the repository's git-ignored <c>models/</c>).</summary>
    public static string DefaultModelFolder(string dataFolder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataFolder));
        var parent = Path.GetDirectoryName(full) ?? full;
        return Path.Combine(parent, "models");
    }
}
