using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Classification;

/// <summary>What <see cref="IntentModelStore.LoadOrTrain"/> found and did.</summary>
/// <param name="Classifier">The classifier to use.</param>
/// <param name="Dataset">The dataset read from the data folder.</param>
/// <param name="Catalog">The answers of <paramref name="Dataset"/>.</param>
/// <param name="Issues">The dataset's validation issues (warnings, or errors when a previous model was kept).</param>
/// <param name="Trained">True when a new model was trained (and saved).</param>
/// <param name="Reason">Why the model was (re)trained or kept, in one sentence for logs.</param>
/// <param name="Training">The training result when <paramref name="Trained"/>.</param>
public sealed record IntentModelLoadResult(
    IntentClassifier Classifier,
    FaqDataset Dataset,
    FaqCatalog Catalog,
    IReadOnlyList<ValidationIssue> Issues,
    bool Trained,
    string Reason,
    TrainedIntentModel? Training);
