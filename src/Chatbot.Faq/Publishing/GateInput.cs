namespace Chatbot.Faq.Publishing;

/// <summary>One side of a <see cref="PublishGate"/> comparison.</summary>
/// <param name="MacroF1">Cross-validated macro-F1, or null when unknown.</param>
/// <param name="StaffTests">The staff test conversations run on this side's model.</param>
public sealed record GateInput(double? MacroF1, StaffTestRun StaffTests);
