namespace Chatbot.Faq.Dataset;

/// <summary>Looks up approved answers by intent id, respecting who may see them. Immutable and thread-safe.</summary>
public sealed class FaqCatalog
{
    private readonly Dictionary<string, FaqEntry> _byId;

    /// <summary>Builds the catalog. When an id is duplicated (an invalid dataset), the first entry wins.</summary>
    /// <param name="entries">The entries, usually <see cref="FaqDataset.Entries"/>.</param>
    public FaqCatalog(IEnumerable<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _byId = new Dictionary<string, FaqEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _byId.TryAdd(entry.Id, entry);
        }
    }

    /// <summary>Every entry, by id.</summary>
    public IReadOnlyCollection<FaqEntry> Entries => _byId.Values;

    /// <summary>Finds an entry by id regardless of audience.</summary>
    /// <returns>The entry, or null when there is none.</returns>
    public FaqEntry? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds an entry that <paramref name="view"/> may see.</summary>
    /// <returns>The entry, or null when there is none or it is staff-only and the view is public.</returns>
    public FaqEntry? Find(string id, FaqView view) =>
        _byId.TryGetValue(id, out var entry) && IsVisible(entry, view) ? entry : null;

    /// <summary>Tries to find an entry that <paramref name="view"/> may see.</summary>
    public bool TryGet(string id, FaqView view, out FaqEntry entry)
    {
        entry = Find(id, view)!;
        return entry is not null;
    }

    /// <summary>The follow-up entries of <paramref name="entry"/> that <paramref name="view"/> may see, in order.</summary>
    public IReadOnlyList<FaqEntry> FollowUpsOf(FaqEntry entry, FaqView view)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.FollowUps.Select(id => Find(id, view)).OfType<FaqEntry>().ToList();
    }

    /// <summary>The entries <paramref name="view"/> may see.</summary>
    public IEnumerable<FaqEntry> Visible(FaqView view) => _byId.Values.Where(e => IsVisible(e, view));

    /// <summary>True when <paramref name="view"/> may see <paramref name="entry"/>.</summary>
    public static bool IsVisible(FaqEntry entry, FaqView view)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return view == FaqView.Staff || entry.IsPublic;
    }
}
