namespace Chatbot.Faq.Classification;

/// <summary>Progress of a training run, for progress bars.</summary>
/// <param name="Stage">What is happening, e.g. "cross-validation".</param>
/// <param name="Completed">Steps done.</param>
/// <param name="Total">Steps in all.</param>
public sealed record TrainingProgress(string Stage, int Completed, int Total);
