using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>A published version loaded into memory: the answers and the classifier trained on them, consistent by construction.</summary>
/// <param name="Version">The version id (content hash of the entries).</param>
/// <param name="Catalog">The approved answers of this version (from its data snapshot, not the live data folder).</param>
/// <param name="Classifier">The classifier of this version.</param>
/// <param name="Info">Who published it, how, and its figures.</param>
public sealed record PublishedVersion(string Version, FaqCatalog Catalog, IntentClassifier Classifier, VersionInfo Info);
