namespace Chatbot.Faq.Dataset;

/// <summary>Reads every topic file (<c>*.json</c>) of a data folder into a <see cref="FaqDataset"/>.</summary>
/// <remarks>
/// Only the folder itself is read, not sub-folders such as <c>tests/</c>; <c>faq-topic.schema.json</c> is skipped.
/// Loading never throws for bad files: a file that cannot be read or parsed becomes an issue in
/// <see cref="FaqDataset.LoadIssues"/>, and the other files are still read.
/// </remarks>
public sealed class FaqDatasetLoader
{
    /// <summary>The name of the JSON Schema file that lives beside the topic files.</summary>
    public const string SchemaFileName = "faq-topic.schema.json";

    /// <summary>Reads the data folder.</summary>
    /// <param name="dataFolder">The folder with the topic files (e.g. <c>faq-data</c>).</param>
    /// <returns>The dataset; a missing folder gives an empty dataset with one issue.</returns>
    public FaqDataset Load(string dataFolder) => Load(dataFolder, fileOverrides: null);

    /// <summary>
    /// Reads the data folder as it would be with some files replaced: a change checked in memory before it is written.
    /// </summary>
    /// <param name="dataFolder">The folder with the topic files (e.g. <c>faq-data</c>).</param>
    /// <param name="fileOverrides">
    /// Topic file contents by file name (e.g. <c>treatment.json</c>), read instead of the file on disk; a name that is
    /// not on disk is read as a new file. Null or empty: the folder as it is.
    /// </param>
    /// <returns>The dataset; a missing folder gives an empty dataset with one issue.</returns>
    public FaqDataset Load(string dataFolder, IReadOnlyDictionary<string, string>? fileOverrides)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        fileOverrides ??= new Dictionary<string, string>();
        var folder = Path.GetFullPath(dataFolder);
        var issues = new List<ValidationIssue>();
        var entries = new List<FaqEntry>();
        var files = new List<string>();
        var locations = new Dictionary<FaqEntry, EntryLocation>(ReferenceEqualityComparer.Instance);

        if (!Directory.Exists(folder))
        {
            issues.Add(new ValidationIssue(
                IssueSeverity.Error, DisplayPath(folder, folder), 1, 1, IssueCodes.NoData,
                $"the data folder '{folder}' does not exist",
                "pass the folder with the FAQ topic files (for example --data faq-data)."));
            return new FaqDataset(folder, entries, files, issues, locations);
        }

        var paths = Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
            .Concat(fileOverrides.Keys.Select(name => Path.Combine(folder, Path.GetFileName(name))))
            .Where(p => !string.Equals(Path.GetFileName(p), SchemaFileName, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var display = DisplayPath(folder, path);
            files.Add(display);
            var root = fileOverrides.TryGetValue(Path.GetFileName(path), out var content)
                ? JsonFile.TryReadObject(new StringReader(content), display, issues)
                : JsonFile.TryReadObject(path, display, issues);
            if (root is not null)
            {
                FaqFileParser.Parse(root, Path.GetFileNameWithoutExtension(path), display, entries, locations, issues);
            }
        }

        return new FaqDataset(folder, entries, files, issues, locations);
    }

    /// <summary>The path shown to people: relative to the data folder's parent, with forward slashes.</summary>
    internal static string DisplayPath(string dataFolder, string path)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(dataFolder)) ?? dataFolder;
        return Path.GetRelativePath(parent, path).Replace('\\', '/');
    }
}
