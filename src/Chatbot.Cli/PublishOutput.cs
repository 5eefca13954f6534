using System.Globalization;
using Chatbot.Faq.Publishing;
using Spectre.Console;

namespace Chatbot.Cli;

/// <summary>How the publishing commands print reports.</summary>
internal static class PublishOutput
{
    private const int MaxWarnings = 5;

    /// <summary>Exit 0 when the data folder is published (or already was), or a rollback happened as asked.</summary>
    public static int ExitCode(PublishReport report, PublishOutcome success) =>
        report.Outcome == success || (success == PublishOutcome.Accepted && report.Outcome == PublishOutcome.Unchanged) ? ExitCodes.Ok : ExitCodes.Failed;

    public static void Write(CliContext context, PublishReport report)
    {
        var output = context.Output;
        output.WriteLine(Headline(report));
        var d = report.Durations;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  by {report.User} via {report.Trigger} at {report.StartedAt:u}; {d.Total:0.00} s (validate {d.Validate:0.00}, train {d.Train:0.00}, cross-validate {d.CrossValidate:0.00}, staff tests {d.StaffTests:0.00}, save {d.Save:0.00})"));
        if (report.Before is not null || report.After is not null)
        {
            context.CreateConsole().Write(Metrics(report));
        }

        foreach (var reason in report.Reasons)
        {
            output.WriteLine("  " + reason);
        }

        if (report.Warnings.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {report.Warnings.Count} validation warning(s) (not blocking; see 'chatbot validate'):"));
            foreach (var warning in report.Warnings.Take(MaxWarnings))
            {
                output.WriteLine("    " + warning);
            }
        }
    }

    public static Table HistoryTable(IReadOnlyList<PublishReport> reports)
    {
        var table = new Table().Title("Publish history (newest first)")
            .AddColumns("Finished (UTC)", "Action", "Outcome", "By", "Via", "Serving", "Macro-F1", "Staff tests", "Seconds");
        foreach (var r in reports)
        {
            table.AddRow(
                new Text(r.FinishedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                new Text(r.Action.ToString()),
                new Text(r.Outcome.ToString()),
                new Text(r.User),
                new Text(r.Trigger.ToString()),
                new Text(PublishReport.Short(r.CurrentVersion)),
                new Text($"{F1(r.Before)} → {F1(r.After)}"),
                new Text($"{Tests(r.Before)} → {Tests(r.After)}"),
                new Text(r.Durations.Total.ToString("0.0", CultureInfo.InvariantCulture)));
        }

        return table;
    }

    private static string Headline(PublishReport r) => (r.Action, r.Outcome) switch
    {
        (PublishAction.Verify, PublishOutcome.Accepted) => $"Cross-validation PASSED: version {PublishReport.Short(r.CurrentVersion)} keeps serving.",
        (_, PublishOutcome.Accepted) => $"Published: version {PublishReport.Short(r.CurrentVersion)} now serves (was {PublishReport.Short(r.PreviousVersion)})"
            + (r.ModelReused ? "; the model was reused (only answers or titles changed)." : r.CrossValidationPending ? "; cross-validation follows." : "."),
        (_, PublishOutcome.Rejected) => $"NOT published: version {PublishReport.Short(r.CurrentVersion)} keeps serving.",
        (_, PublishOutcome.Unchanged) => $"Nothing to do: version {PublishReport.Short(r.CurrentVersion)} serves.",
        (_, PublishOutcome.RolledBack) => $"Rolled back: version {PublishReport.Short(r.CurrentVersion)} serves again (was {PublishReport.Short(r.PreviousVersion)}).",
        _ => $"FAILED: version {PublishReport.Short(r.CurrentVersion)} keeps serving.",
    };

    private static Table Metrics(PublishReport r)
    {
        var table = new Table().AddColumns("", "Before", "After");
        table.AddRow("Accuracy (cross-validated)", Format.Percent(r.Before?.Accuracy), Format.Percent(r.After?.Accuracy));
        table.AddRow("Macro-F1 (cross-validated)", F1(r.Before), F1(r.After));
        table.AddRow("Out-of-scope recall", Format.Percent(r.Before?.OutOfScopeRecall), Format.Percent(r.After?.OutOfScopeRecall));
        table.AddRow("Staff test conversations passed", Tests(r.Before), Tests(r.After));
        return table;
    }

    private static string F1(PublishMetrics? m) => m?.MacroF1 is { } f1 ? Format.Number(f1, "F3") : "n/a";

    private static string Tests(PublishMetrics? m) => m is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{m.StaffTestsPassed}/{m.StaffTestsTotal}");
}
