using Chatbot.Faq;

namespace Chatbot.Knowledge;

/// <summary>The resolved data and model folders of the host (absolute paths).</summary>
/// <param name="DataFolder">The FAQ data folder (topic files and <c>tests/</c>).</param>
/// <param name="ModelFolder">The model folder (published versions, working model).</param>
public sealed record FaqFolders(string DataFolder, string ModelFolder)
{
    /// <summary>Resolves <see cref="FaqOptions"/> against the host's content root (and, in a source checkout, the repository root).</summary>
    public static FaqFolders Resolve(FaqOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataFolder = ResolveDataFolder(options, contentRoot);
        var modelFolder = options.ModelFolder is { Length: > 0 } configured
            ? Path.GetFullPath(Path.Combine(contentRoot, configured))
            : FaqPaths.DefaultModelFolder(dataFolder);
        return new FaqFolders(dataFolder, modelFolder);
    }

    /// <summary>The data folder, resolved against the content root (and, in a source checkout, the repository root).</summary>
    public static string ResolveDataFolder(FaqOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Path.IsPathRooted(options.DataFolder))
        {
            return options.DataFolder;
        }

        var candidate = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        if (Directory.Exists(candidate))
        {
            return candidate;
        }

        // `dotnet run --project src/Chatbot` runs with src/Chatbot as content root: use the repository's faq-data/.
        var root = FaqPaths.FindRepositoryRoot(contentRoot);
        return root is null ? candidate : Path.Combine(root, options.DataFolder);
    }
}
