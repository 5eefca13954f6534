using Chatbot.Faq.Classification;

namespace Chatbot.Faq.Publishing;

/// <summary>The quality figures of one version, as shown before/after in a <see cref="PublishReport"/>.</summary>
/// <param name="Accuracy">Cross-validated accuracy; null while cross-validation is pending.</param>
/// <param name="MacroF1">Cross-validated macro-F1; null while cross-validation is pending.</param>
/// <param name="OutOfScopeRecall">Cross-validated out-of-scope recall; null while pending or without <c>out_of_scope</c> examples.</param>
/// <param name="StaffTestsPassed">Staff test conversations passed.</param>
/// <param name="StaffTestsTotal">Staff test conversations run.</param>
public sealed record PublishMetrics(double? Accuracy, double? MacroF1, double? OutOfScopeRecall, int StaffTestsPassed, int StaffTestsTotal)
{
    /// <summary>The figures of a model (cross-validated ones only when <paramref name="crossValidated"/>) and a staff test run.</summary>
    public static PublishMetrics From(ModelMetrics metrics, bool crossValidated, StaffTestRun? staffTests)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new PublishMetrics(
            crossValidated ? metrics.Accuracy : null,
            crossValidated ? metrics.MacroF1 : null,
            crossValidated ? metrics.OutOfScopeRecall : null,
            staffTests?.PassedCount ?? 0,
            staffTests?.Tests.Count ?? 0);
    }
}
