using System.Globalization;
using System.Runtime.InteropServices;
using Chatbot.Benchmarks.Reload;
using Chatbot.Faq;

// FAQ live-reload benchmark; prints a Markdown section for docs/benchmarks.md. Usage:
//   dotnet run -c Release --project benchmarks/Chatbot.Benchmarks.Reload -- [--repeats 5] [--retrain-repeats 3] [--clients 8]
var repeats = Argument(args, "--repeats", 5);
var retrainRepeats = Argument(args, "--retrain-repeats", 3);
var clients = Argument(args, "--clients", 8);
if (repeats < 1 || retrainRepeats < 0 || clients < 1)
{
    Console.Error.WriteLine("Usage: [--repeats N>=1] [--retrain-repeats N>=0] [--clients N>=1]");
    return 2;
}

var repository = FaqPaths.FindRepositoryRoot(Environment.CurrentDirectory) ?? FaqPaths.FindRepositoryRoot(AppContext.BaseDirectory);
if (repository is null)
{
    Console.Error.WriteLine("Run from inside the repository (Chatbot.sln was not found above the current folder).");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var ct = cancellation.Token;
var timeout = TimeSpan.FromMinutes(3);
var loadBefore = LoadAverage();
var started = DateTimeOffset.UtcNow;

await using var host = await ReloadHost.StartAsync(repository, ct);
await host.WaitIdleAsync(timeout, ct);
using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
var probe = new BotProbe(http);
var editor = new FaqEditor(host.DataFolder, "treatment.json", "faq/infusion_duration");
Console.Error.WriteLine($"Bot ready at {host.Address} after {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s; serving {host.Publishing.CurrentVersion?.Version[..12]}");

// 1. Answer edits: the model is reused, the answers swap.
var answerTimes = new List<double>();
for (var i = 1; i <= repeats; i++)
{
    answerTimes.Add(await SaveToServe.MeasureAsync(editor, probe, $"rev {i}", null, timeout, ct));
    await host.WaitIdleAsync(timeout, ct);
    Console.Error.WriteLine($"answer edit {i}: {answerTimes[^1]:0.000} s; {host.Publishing.LastReport}");
    await Task.Delay(500, ct);
}

// 2. Load during swaps: an answer edit (A), an answer + example edit that retrains (B), and an answer edit saved while
//    B's background cross-validation runs (C), then that cross-validation's own swap (new thresholds, or a rollback).
await SaveToServe.MeasureAsync(editor, probe, "load 0", null, timeout, ct);
await host.WaitIdleAsync(timeout, ct);
var load = new SwapLoad(probe, editor, "roughly how many hours will my ketamine infusion take");
using var stopLoad = new CancellationTokenSource();
var loadTask = load.RunAsync(clients, stopLoad.Token);
await Task.Delay(TimeSpan.FromSeconds(2), ct);
var swapA = await SaveToServe.MeasureAsync(editor, probe, "load A", null, timeout, ct);
await host.WaitIdleAsync(timeout, ct);
await Task.Delay(TimeSpan.FromSeconds(2), ct);
var swapB = await SaveToServe.MeasureAsync(editor, probe, "load B", "how long does the drip go on for, load check", timeout, ct);
var swapC = await SaveToServe.MeasureAsync(editor, probe, "load C", "how long does the drip go on for, load check", timeout, ct);
await host.WaitIdleAsync(timeout, ct);
var afterC = host.Publishing.History(3);
await Task.Delay(TimeSpan.FromSeconds(1), ct);
await stopLoad.CancelAsync();
await loadTask;
// 3. Answer + new example question: the model is retrained before serving; cross-validation follows in the background.
var retrainTimes = new List<double>();
var verifyTimes = new List<double>();
var verifyOutcomes = new List<string>();
var retrainSplits = new List<string>();
for (var i = 1; i <= retrainRepeats; i++)
{
    var saved = DateTimeOffset.UtcNow;
    retrainTimes.Add(await SaveToServe.MeasureAsync(editor, probe, $"retrain {i}", $"how long does the drip go on for, reload check {i}", timeout, ct));
    var publish = host.Publishing.History(5).FirstOrDefault(r => r.Action == Chatbot.Faq.Publishing.PublishAction.Publish);
    if (publish is not null)
    {
        // Where the save-to-serve time went: before the publish started (debounce, queue, lock), the publish, after it.
        var before = (publish.StartedAt - saved).TotalSeconds;
        var after = retrainTimes[^1] - (publish.FinishedAt - saved).TotalSeconds;
        retrainSplits.Add(Invariant($"{before:0.00} + {publish.Durations.Total:0.00} (train {publish.Durations.Train:0.00}, save {publish.Durations.Save:0.00}) + {after:0.00}"));
    }

    await host.WaitIdleAsync(timeout, ct);
    var verify = host.Publishing.LastReport;
    verifyTimes.Add(verify?.Durations.Total ?? double.NaN);
    verifyOutcomes.Add($"{verify?.Action} {verify?.Outcome}");
    Console.Error.WriteLine($"retrain edit {i}: {retrainTimes[^1]:0.000} s; then {verify}");
    await Task.Delay(500, ct);
}

var loadAfter = LoadAverage();

Console.WriteLine("## FAQ reload");
Console.WriteLine();
Console.WriteLine(Invariant($"Measured {started:yyyy-MM-dd HH:mm} UTC with `dotnet run -c Release --project benchmarks/Chatbot.Benchmarks.Reload -- --repeats {repeats} --retrain-repeats {retrainRepeats} --clients {clients}`"));
Console.WriteLine(Invariant($"on {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average (1/5/15 min) before: {loadBefore}, after: {loadAfter}."));
Console.WriteLine();
Console.WriteLine("| scenario | runs | median s | max s | all (s) |");
Console.WriteLine("|---|---|---|---|---|");
Row("save → new answer served, answer edited (model reused)", answerTimes);
Row("save → new answer served, answer + new example (retrained)", retrainTimes);
Row("background cross-validation after a retrain (not on the serving path)", verifyTimes);
Console.WriteLine();
Console.WriteLine(Invariant($"Cross-validation outcomes: {string.Join(", ", verifyOutcomes)}."));
Console.WriteLine(Invariant($"Retrains, save → publish start + publish + publish end → first new reply (s): {string.Join("; ", retrainSplits)}."));
Console.WriteLine();
var latency = load.Latency();
Console.WriteLine(Invariant($"Load during swaps: {clients} clients, expectReplies, {load.Requests} requests; **{load.Failures} failed, {load.Mixed} mixed-version**; latency p50 {latency.P50:0.0} ms, p99 {latency.P99:0.0} ms, max {latency.Max:0} ms."));
Console.WriteLine(Invariant($"Under load: swap A (answer edit) served {swapA:0.00} s after the save; swap B (answer + example, retrained) {swapB:0.00} s; swap C (answer edit during B's cross-validation) {swapC:0.00} s. Then:"));
foreach (var report in afterC.Reverse())
{
    Console.WriteLine(Invariant($"* {report}"));
}

Console.WriteLine("Replies by version marker: " + string.Join(", ", load.RepliesByMarker.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Invariant($"{p.Key}: {p.Value}"))) + ".");
foreach (var problem in load.Problems)
{
    Console.WriteLine("* " + problem);
}

return load.Failures == 0 && load.Mixed == 0 ? 0 : 1;

static void Row(string name, List<double> values)
{
    if (values.Count == 0)
    {
        return;
    }

    var sorted = values.Order().ToList();
    var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    Console.WriteLine(Invariant($"| {name} | {values.Count} | {median:0.00} | {sorted[^1]:0.00} | {string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))} |"));
}

static int Argument(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static string LoadAverage()
{
    try
    {
        return string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "n/a";
    }
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
