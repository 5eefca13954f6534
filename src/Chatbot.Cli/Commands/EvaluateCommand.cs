using Chatbot.Faq.Dataset;
using System.CommandLine;
using Chatbot.Faq.Classification;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot evaluate</c>: stratified k-fold cross-validation with per-intent figures.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var folds = new Option<int>("--folds") { Description = "Number of cross-validation folds (2-20).", DefaultValueFactory = _ => 5 }.InRange(2, 20);
        var feedbackDays = new Option<int>("--feedback-days")
        {
            Description = "Export patients' 👍/👎 votes on answers of this many days (1-365) from the bot's database (--db, --provider).",
            DefaultValueFactory = _ => 30,
            HelpName = "days",
        }.InRange(1, 365);
        var database = new BookingDatabase();
        var json = new Option<bool>("--json") { Description = "Print the full report as JSON (nothing else on stdout)." };
        var html = new Option<string?>("--html") { Description = "Also write an HTML report for staff (with a confusion-matrix heat map).", HelpName = "file" };
        var command = new Command("evaluate", "Cross-validate the intent model on the FAQ data: accuracy, macro-F1, out-of-scope recall/precision, per-intent figures, confusions; and export patients' answer feedback.");
        common.AddTo(command);
        command.Options.Add(folds);
        command.Options.Add(json);
        command.Options.Add(html);
        command.Options.Add(feedbackDays);
        database.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            context, common.DataFolder(result), result.GetValue(folds), result.GetValue(json), result.GetValue(html),
            (dataset, token) => FeedbackSource.ReadAsync(context, database, result, result.GetValue(feedbackDays), dataset, token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string dataFolder, int folds, bool json, string? html,
        Func<FaqDataset, CancellationToken, Task<FeedbackSource.Outcome>> readFeedback, CancellationToken cancellationToken)
    {
        var (dataset, _, issues) = DataLoading.LoadAndValidate(dataFolder, context.TimeProvider);
        if (!DataLoading.EnsureValid(context, issues))
        {
            return ExitCodes.Failed;
        }

        // Before the slow part: a --db that does not exist fails in a second, not after minutes of training.
        var (failed, feedback) = await readFeedback(dataset, cancellationToken);
        if (failed)
        {
            return ExitCodes.Failed;
        }

        context.Error.WriteLine($"Cross-validating with {folds} folds on {dataset.Entries.Count} intents …");
        var trainer = new IntentModelTrainer(new IntentModelOptions { Folds = folds });
        var examples = dataset.Examples.Select(e => new LabeledText(e.Text, e.Intent)).ToList();
        var report = new IntentModelEvaluator(trainer).Evaluate(examples, folds, new ProgressLines(context.Error), cancellationToken);
        var latency = MeasureLatency(context, trainer, examples, report, dataFolder, cancellationToken);

        if (html is { Length: > 0 })
        {
            var path = Path.GetFullPath(html);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, HtmlReport.Render(report, dataset, context.TimeProvider.GetLocalNow(), feedback));
            context.Error.WriteLine($"HTML report written to {path}");
        }

        if (json)
        {
            // "feedback": null when there was no database to read (the reason is on stderr), never left out.
            CliJson.Write(context.Output, new { dataFolder, datasetHash = dataset.ContentHash, encoder = latency.Encoder, latency, report, feedback });
            return ExitCodes.Ok;
        }

        var console = context.CreateConsole();
        console.Write(ReportTables.Summary(report));
        console.Write(ReportTables.PerIntent(report));
        console.Write(ReportTables.Confused(report, 10));
        console.Write(ReportTables.Misclassified(report, 25));
        if (feedback is not null)
        {
            console.Write(ReportTables.Feedback(feedback));
        }

        context.Output.WriteLine(latency.Describe());
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Fits the product model once on every example and times one classification at a time (one thread) over the staff
    /// test questions — unseen texts, so the encoder runs whenever the fast stage is not sure. Nothing is saved.
    /// </summary>
    private static ClassificationLatency MeasureLatency(CliContext context, IntentModelTrainer trainer, List<LabeledText> examples, EvaluationReport report, string dataFolder, CancellationToken cancellationToken)
    {
        context.Error.WriteLine("Timing one classification at a time on the staff test questions …");
        var model = trainer.Fit(examples, cancellationToken);
        var metadata = new ModelMetadata
        {
            DatasetHash = "evaluate",
            PipelineSignature = trainer.Options.Signature,
            CreatedAt = context.TimeProvider.GetUtcNow(),
            Intents = model.Labels,
            ExampleCount = examples.Count,
            Thresholds = report.Thresholds,
            FastThresholds = model.HasFastStage ? report.FastThresholds : null,
            Metrics = ModelMetrics.From(report),
            MlNetVersion = IntentModelTrainer.MlNetVersion,
            Encoder = model.Embedder?.Encoder.Identity,
        };
        using var classifier = new IntentClassifier(model, metadata);
        var texts = new TestConversationLoader().LoadFromDataFolder(dataFolder)?.Tests.Select(t => t.Text).ToList() ?? [];
        if (texts.Count == 0)
        {
            texts = examples.Select(e => e.Text + " please").Take(200).ToList();
        }

        var microseconds = new List<double>(texts.Count);
        var fast = 0;
        foreach (var text in texts)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            var prediction = classifier.Classify(text);
            microseconds.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            fast += prediction.Stage == ClassifierStage.Fast ? 1 : 0;
        }

        microseconds.Sort();
        return new ClassificationLatency(
            model.Embedder?.Encoder.Identity ?? "none (n-grams only)",
            texts.Count,
            Math.Round(microseconds[microseconds.Count / 2] / 1000, 3),
            Math.Round(microseconds[Math.Min(microseconds.Count - 1, (int)(microseconds.Count * 0.99))] / 1000, 3),
            Math.Round((double)fast / texts.Count, 3));
    }

    private sealed record ClassificationLatency(string Encoder, int Questions, double P50Milliseconds, double P99Milliseconds, double FastStageShare)
    {
        public string Describe() => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Encoder: {Encoder}. One classification (one thread, {Questions} unseen staff test questions, first time each): p50 {P50Milliseconds} ms, p99 {P99Milliseconds} ms; the fast n-gram stage answered {FastStageShare:P0} without encoding.");
    }
}
