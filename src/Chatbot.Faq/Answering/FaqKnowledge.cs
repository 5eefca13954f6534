using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Answering;

/// <summary>
/// One published version of what the bot knows: the approved entries and the classifier trained on them.
/// Immutable, so a turn that started on one version finishes on it even while a new one is published.
/// </summary>
public sealed class FaqKnowledge
{
    private readonly Dictionary<string, FaqEntry> _byExactText = new(StringComparer.Ordinal);

    /// <summary>Creates a snapshot.</summary>
    public FaqKnowledge(FaqCatalog catalog, IIntentClassifier classifier, string version)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(classifier);
        Catalog = catalog;
        Classifier = classifier;
        Version = version;

        // Button titles first (a click sends the title back as text), then the approved example questions.
        foreach (var entry in catalog.Entries)
        {
            _byExactText.TryAdd(ExampleText.Normalize(entry.Title), entry);
        }

        foreach (var entry in catalog.Entries)
        {
            foreach (var example in entry.Examples)
            {
                _byExactText.TryAdd(ExampleText.Normalize(example), entry);
            }
        }
    }

    /// <summary>The approved entries.</summary>
    public FaqCatalog Catalog { get; }

    /// <summary>The classifier trained on <see cref="Catalog"/>.</summary>
    public IIntentClassifier Classifier { get; }

    /// <summary>The dataset version (content hash).</summary>
    public string Version { get; }

    /// <summary>The entry with this id, or null.</summary>
    public FaqEntry? Find(string id) => Catalog.Find(id);

    /// <summary>
    /// The entry whose button title or approved example question is exactly <paramref name="text"/> (ignoring case,
    /// punctuation and spacing), or null. Known questions and button clicks never depend on the model's mood.
    /// </summary>
    public FaqEntry? MatchExact(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : _byExactText.GetValueOrDefault(ExampleText.Normalize(text));
}
