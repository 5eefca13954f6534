namespace Chatbot.Faq.Classification;

/// <summary>The headline cross-validated figures stored with a model.</summary>
/// <param name="Folds">Number of folds.</param>
/// <param name="Accuracy">Accuracy (argmax).</param>
/// <param name="MacroF1">Macro-averaged F1 (argmax).</param>
/// <param name="OutOfScopeRecall">Out-of-scope recall with the thresholds.</param>
/// <param name="OutOfScopePrecision">Out-of-scope precision with the thresholds.</param>
/// <param name="AnsweredPrecision">Precision of the answered predictions.</param>
/// <param name="AnsweredCoverage">Share of in-scope questions answered outright.</param>
public sealed record ModelMetrics(
    int Folds,
    double Accuracy,
    double MacroF1,
    double? OutOfScopeRecall,
    double? OutOfScopePrecision,
    double AnsweredPrecision,
    double AnsweredCoverage)
{
    /// <summary>Takes the headline figures of a report.</summary>
    public static ModelMetrics From(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ModelMetrics(
            report.Folds, report.Accuracy, report.MacroF1, report.OutOfScopeRecall, report.OutOfScopePrecision,
            report.AnsweredPrecision, report.AnsweredCoverage);
    }
}
