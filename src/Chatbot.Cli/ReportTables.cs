using Chatbot.Faq.Classification;
using Spectre.Console;

namespace Chatbot.Cli;

/// <summary>Spectre tables for metrics, shared by train and evaluate.</summary>
internal static class ReportTables
{
    public static Table Summary(EvaluationReport report)
    {
        var table = new Table().Title($"Cross-validation ({report.Folds} folds, {report.Examples} examples)").AddColumns("Metric", "Value");
        Row(table, "Accuracy", Format.Percent(report.Accuracy));
        Row(table, "Macro-F1", Format.Number(report.MacroF1, "F3"));
        Row(table, "Out-of-scope recall", Format.Percent(report.OutOfScopeRecall));
        Row(table, "Out-of-scope precision", Format.Percent(report.OutOfScopePrecision));
        Row(table, "Answered precision", Format.Percent(report.AnsweredPrecision) + (report.AnswerTargetMet ? string.Empty : " (target not met)"));
        Row(table, "Answered / clarify / fallback (in-scope)", $"{Format.Percent(report.AnsweredCoverage)} / {Format.Percent(report.ClarifyRate)} / {Format.Percent(report.FallbackRate)}");
        Row(table, "Answer threshold", Format.Score(report.Thresholds.Answer));
        Row(table, "Clarify threshold", Format.Score(report.Thresholds.Clarify));
        if (report.FastThresholds is { } fast)
        {
            Row(table, "Fast n-gram stage answers alone at", $"{Format.Score(fast.Answer)} ({Format.Percent(report.FastStageShare)} of examples)");
            Row(table, "Both stages: answered precision / in-scope answered", $"{Format.Percent(report.CascadeAnsweredPrecision)} / {Format.Percent(report.CascadeAnsweredCoverage)}");
        }

        return table;
    }

    public static Table PerIntent(EvaluationReport report)
    {
        var table = new Table().Title("Per intent (worst F1 first)").AddColumns("Intent", "Examples", "Precision", "Recall", "F1");
        foreach (var m in report.PerIntent)
        {
            table.AddRow(new Text(m.Intent), new Text(m.Support.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(Format.Percent(m.Precision)), new Text(Format.Percent(m.Recall)), new Text(Format.Number(m.F1, "F3")));
        }

        return table;
    }

    public static Table Confused(EvaluationReport report, int count)
    {
        var table = new Table().Title("Most confused pairs").AddColumns("Actual intent", "Predicted as", "Count");
        foreach (var pair in report.ConfusedPairs.Take(count))
        {
            table.AddRow(new Text(pair.Actual), new Text(pair.Predicted), new Text(pair.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return table;
    }

    public static Table Misclassified(EvaluationReport report, int count)
    {
        var table = new Table().Title($"Misclassified examples ({report.Misclassified.Count}; most confident first)")
            .AddColumns("Example", "Actual", "Predicted", "Score");
        foreach (var m in report.Misclassified.Take(count))
        {
            table.AddRow(new Text(m.Text), new Text(m.Actual), new Text(m.Predicted), new Text(Format.Score(m.Score)));
        }

        return table;
    }

    public static Table Feedback(FeedbackReport feedback)
    {
        var table = new Table()
            .Title($"Answer feedback, last {feedback.Days} days: {feedback.Helpful} helpful, {feedback.NotHelpful} not helpful (most not helpful first; times in {BookingFormat.ClinicTimeZone.Id})")
            .AddColumns("Entry", "Title", "Helpful", "Not helpful", "Helpful share", "Last vote", "Model versions");
        foreach (var e in feedback.Entries)
        {
            table.AddRow(new Text(e.Intent), new Text(e.Title ?? "(no longer in the data)"), new Text(Format.Count(e.Helpful)), new Text(Format.Count(e.NotHelpful)),
                new Text(Format.Percent(e.HelpfulShare)), new Text(BookingFormat.LocalTime(e.LastVotedAt)), new Text(string.Join(", ", e.ModelVersions)));
        }

        if (feedback.Entries.Count == 0)
        {
            table.Caption("No votes in this period.");
        }

        return table;
    }

    private static void Row(Table table, string name, string value) => table.AddRow(new Text(name), new Text(value));
}
