namespace Chatbot.Faq.Dataset;

/// <summary>Every FAQ entry read from a data folder, with the problems met while reading it.</summary>
/// <remarks>Create with <see cref="FaqDatasetLoader"/>. Check it with <see cref="FaqDatasetValidator"/> before training.</remarks>
public sealed class FaqDataset
{
    private readonly IReadOnlyDictionary<FaqEntry, EntryLocation> _locations;

    internal FaqDataset(
        string dataFolder,
        IReadOnlyList<FaqEntry> entries,
        IReadOnlyList<string> files,
        IReadOnlyList<ValidationIssue> loadIssues,
        IReadOnlyDictionary<FaqEntry, EntryLocation> locations)
    {
        DataFolder = dataFolder;
        Entries = entries.Where(e => !e.Draft).ToList();
        Drafts = entries.Where(e => e.Draft).ToList();
        Files = files;
        LoadIssues = loadIssues;
        _locations = locations;
        ContentHash = FaqContentHash.Compute(Entries);
    }

    /// <summary>The full path of the folder the dataset was read from.</summary>
    public string DataFolder { get; }

    /// <summary>
    /// The published entries, in file order (files sorted by name). Entries with errors are included where possible.
    /// Drafts are not: they are in <see cref="Drafts"/>, so training, answers and the content hash never see them.
    /// </summary>
    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>The draft entries (<c>"draft": true</c>), in file order: shown to staff, never trained on or answered.</summary>
    public IReadOnlyList<FaqEntry> Drafts { get; }

    /// <summary>The files read, as display paths (e.g. <c>faq-data/treatment.json</c>).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Problems met while reading (malformed JSON, missing fields, bad dates…).</summary>
    public IReadOnlyList<ValidationIssue> LoadIssues { get; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the normalized content of every entry, independent of file layout and formatting.
    /// Used as the model version: a model trained from other content is stale.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>The distinct intent ids, in entry order.</summary>
    public IReadOnlyList<string> Intents => Entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Every (example, intent) pair: the training data.</summary>
    public IEnumerable<(string Text, string Intent)> Examples =>
        Entries.SelectMany(e => e.Examples.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => (x.Trim(), e.Id)));

    /// <summary>Where an entry (published or draft) starts in its file: line and column.</summary>
    public SourcePosition PositionOf(FaqEntry entry) => LocationOf(entry).Entry;

    internal EntryLocation LocationOf(FaqEntry entry) =>
        _locations.TryGetValue(entry, out var location)
            ? location
            : new EntryLocation(new SourcePosition(entry.Line, 1), new Dictionary<string, SourcePosition>(), []);
}
