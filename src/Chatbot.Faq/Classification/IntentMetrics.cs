namespace Chatbot.Faq.Classification;

/// <summary>Precision, recall and F1 of one intent on held-out predictions.</summary>
/// <param name="Intent">The intent id.</param>
/// <param name="Support">How many examples have this intent.</param>
/// <param name="Precision">Right predictions of this intent / all predictions of it (0 when never predicted).</param>
/// <param name="Recall">Examples of this intent predicted as it / all its examples.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
public sealed record IntentMetrics(string Intent, int Support, double Precision, double Recall, double F1);
