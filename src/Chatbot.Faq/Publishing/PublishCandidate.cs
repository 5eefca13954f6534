using Chatbot.Faq.Classification;

namespace Chatbot.Faq.Publishing;

/// <summary>The model a publish puts through the gate: freshly trained, or a reused file when only answers changed.</summary>
/// <param name="Classifier">The candidate's classifier and its metadata.</param>
/// <param name="CrossValidated">False for a fast publish, whose cross-validation follows in the background.</param>
/// <param name="ReusedFile">The model file to copy instead of writing a new one; null when it was trained.</param>
/// <param name="TrainingHash">What the model was trained on, so a later publish can find it again.</param>
internal sealed record PublishCandidate(IntentClassifier Classifier, bool CrossValidated, string? ReusedFile, string TrainingHash);
