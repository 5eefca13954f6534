using System.Globalization;
using System.Net;
using System.Text;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;

namespace Chatbot.Cli;

/// <summary>A self-contained HTML evaluation report (inline CSS and SVG, no external requests).</summary>
internal static class HtmlReport
{
    public static string Render(EvaluationReport report, FaqDataset dataset, DateTimeOffset now, FeedbackReport? feedback)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>FAQ intent model report</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a;max-width:1200px}")
            .Append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}")
            .Append("th{background:#f0f0f0}.num{text-align:right}.bad{background:#fde2e2}.note{color:#555}svg text{font-size:10px}")
            .Append("</style></head><body>\n");
        html.Append("<h1>FAQ intent model report</h1>\n<p class=\"note\">")
            .Append(E(string.Create(CultureInfo.InvariantCulture, $"Generated {now:yyyy-MM-dd HH:mm}. Data: {dataset.Files.Count} files, {report.Labels.Count} intents, {report.Examples} example questions; dataset hash {dataset.ContentHash[..12]}. ")))
            .Append(E($"Every figure comes from {report.Folds}-fold cross-validation: each question was classified by a model that had not seen it."))
            .Append("</p>\n");

        html.Append("<h2>Summary</h2>\n<table>");
        Row(html, "Accuracy (best intent right)", Format.Percent(report.Accuracy));
        Row(html, "Macro-F1 (average over intents)", Format.Number(report.MacroF1, "F3"));
        Row(html, "Off-topic questions caught (out-of-scope recall)", Format.Percent(report.OutOfScopeRecall));
        Row(html, "Fallbacks that were really off-topic (out-of-scope precision)", Format.Percent(report.OutOfScopePrecision));
        Row(html, "Answers given that were right (answered precision)", Format.Percent(report.AnsweredPrecision));
        Row(html, "In-scope questions answered / asked back / fallback", $"{Format.Percent(report.AnsweredCoverage)} / {Format.Percent(report.ClarifyRate)} / {Format.Percent(report.FallbackRate)}");
        Row(html, "Answer threshold / did-you-mean threshold", $"{Format.Score(report.Thresholds.Answer)} / {Format.Score(report.Thresholds.Clarify)}");
        html.Append("</table>\n");

        html.Append("<h2>Per intent</h2>\n<p class=\"note\">Worst first. Intents with F1 below 0.8 are highlighted: add clearer, more varied example questions.</p>\n<table><tr><th>Intent</th><th>Examples</th><th>Precision</th><th>Recall</th><th>F1</th></tr>");
        foreach (var m in report.PerIntent)
        {
            html.Append(m.F1 < 0.8 ? "<tr class=\"bad\">" : "<tr>")
                .Append("<td>").Append(E(m.Intent)).Append("</td><td class=\"num\">").Append(m.Support.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td class=\"num\">").Append(Format.Percent(m.Precision)).Append("</td><td class=\"num\">").Append(Format.Percent(m.Recall))
                .Append("</td><td class=\"num\">").Append(Format.Number(m.F1, "F3")).Append("</td></tr>");
        }

        html.Append("</table>\n<h2>Most confused pairs</h2>\n<p class=\"note\">Merge intents that are really the same question, or add example questions that show the difference.</p>\n<table><tr><th>Actual intent</th><th>Predicted as</th><th>Count</th></tr>");
        foreach (var p in report.ConfusedPairs.Take(20))
        {
            html.Append("<tr><td>").Append(E(p.Actual)).Append("</td><td>").Append(E(p.Predicted)).Append("</td><td class=\"num\">")
                .Append(p.Count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        html.Append("</table>\n<h2>Confusion matrix</h2>\n<p class=\"note\">Rows: the right intent. Columns: what the model chose. Darker = more questions; off-diagonal cells are mistakes.</p>\n");
        AppendHeatMap(html, report);

        html.Append("<h2>Misclassified example questions</h2>\n<table><tr><th>Question</th><th>Right intent</th><th>Chosen</th><th>Score</th></tr>");
        foreach (var m in report.Misclassified.Take(100))
        {
            html.Append("<tr><td>").Append(E(m.Text)).Append("</td><td>").Append(E(m.Actual)).Append("</td><td>").Append(E(m.Predicted))
                .Append("</td><td class=\"num\">").Append(Format.Score(m.Score)).Append("</td></tr>");
        }

        html.Append("</table>\n");
        AppendFeedback(html, feedback);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void AppendFeedback(StringBuilder html, FeedbackReport? feedback)
    {
        html.Append("<h2 id=\"feedback\">Answer feedback</h2>\n<p class=\"note\">");
        if (feedback is null)
        {
            html.Append("No answer feedback in this report: there was no bot database to read (the command said why on its error output).</p>\n");
            return;
        }

        html.Append(E(string.Create(CultureInfo.InvariantCulture,
                $"Patients' 👍/👎 votes on approved answers, last {feedback.Days} days (since {BookingFormat.LocalTime(feedback.Since)}, {BookingFormat.ClinicTimeZone.Id}), from {feedback.Source}: ")))
            .Append(CultureInfo.InvariantCulture, $"{feedback.Helpful} helpful, {feedback.NotHelpful} not helpful. Most not helpful first.</p>\n")
            .Append("<table><tr><th>Intent</th><th>Title</th><th>Helpful</th><th>Not helpful</th><th>Helpful share</th><th>Last vote</th><th>Model versions</th></tr>");
        foreach (var e in feedback.Entries)
        {
            html.Append(e.NotHelpful > e.Helpful ? "<tr class=\"bad\">" : "<tr>")
                .Append("<td>").Append(E(e.Intent)).Append("</td><td>").Append(E(e.Title ?? "(no longer in the data)"))
                .Append("</td><td class=\"num\">").Append(Format.Count(e.Helpful)).Append("</td><td class=\"num\">").Append(Format.Count(e.NotHelpful))
                .Append("</td><td class=\"num\">").Append(Format.Percent(e.HelpfulShare)).Append("</td><td>").Append(E(BookingFormat.LocalTime(e.LastVotedAt)))
                .Append("</td><td>").Append(E(string.Join(", ", e.ModelVersions))).Append("</td></tr>");
        }

        html.Append("</table>\n");
    }

    private static void AppendHeatMap(StringBuilder html, EvaluationReport report)
    {
        const int cell = 14;
        const int margin = 220;
        var k = report.Labels.Count;
        var size = margin + (k * cell) + 10;
        var rowMax = report.ConfusionMatrix.Select(r => Math.Max(1, r.Sum())).ToArray();
        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" role=\"img\" aria-label=\"Confusion matrix heat map\">");
        for (var i = 0; i < k; i++)
        {
            var label = E(report.Labels[i]);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{margin - 4}\" y=\"{margin + (i * cell) + 10}\" text-anchor=\"end\">{label}</text>");
            html.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({margin + (i * cell) + 10},{margin - 4}) rotate(-60)\">{label}</text>");
            for (var j = 0; j < k; j++)
            {
                var count = report.ConfusionMatrix[i][j];
                var share = (double)count / rowMax[i];
                var color = count == 0 ? "#ffffff" : i == j ? Blend(share, 46, 125, 50) : Blend(Math.Max(share, 0.15), 198, 40, 40);
                html.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{margin + (j * cell)}\" y=\"{margin + (i * cell)}\" width=\"{cell}\" height=\"{cell}\" fill=\"{color}\" stroke=\"#ddd\"><title>{label} → {E(report.Labels[j])}: {count}</title></rect>");
            }
        }

        html.Append("</svg>\n");
    }

    private static string Blend(double share, int r, int g, int b)
    {
        int Mix(int c) => (int)Math.Round(255 - ((255 - c) * Math.Clamp(share, 0, 1)));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(r):x2}{Mix(g):x2}{Mix(b):x2}");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td class=\"num\">").Append(E(value)).Append("</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
