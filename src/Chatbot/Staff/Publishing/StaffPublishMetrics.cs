namespace Chatbot.Staff.Publishing;

/// <summary>The quality of one version as the staff page shows it (before / after a publish).</summary>
/// <param name="Accuracy">Cross-validated accuracy (0-1), when measured.</param>
/// <param name="MacroF1">Cross-validated macro-F1 (0-1), when measured.</param>
/// <param name="StaffTestsPassed">Staff test conversations passed.</param>
/// <param name="StaffTestsTotal">Staff test conversations run.</param>
public sealed record StaffPublishMetrics(double? Accuracy, double? MacroF1, int StaffTestsPassed, int StaffTestsTotal);
