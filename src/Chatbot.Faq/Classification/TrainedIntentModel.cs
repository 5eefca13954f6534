namespace Chatbot.Faq.Classification;

/// <summary>The result of <see cref="IntentModelTrainer.Train"/>.</summary>
/// <param name="Model">The model trained on every example.</param>
/// <param name="Metadata">What goes into <c>model.json</c>.</param>
/// <param name="Evaluation">The cross-validated report the thresholds were chosen from.</param>
public sealed record TrainedIntentModel(IntentModel Model, ModelMetadata Metadata, EvaluationReport Evaluation);
