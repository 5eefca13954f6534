using System.Globalization;
using System.Text;

namespace Chatbot.Benchmarks.Load;

/// <summary>One bare/bot pair at one client count, with the load average read just before it.</summary>
internal sealed record LoadPair(int Round, LoadResult Bare, LoadResult Bot, string LoadAverage);

/// <summary>The Markdown table and the target verdicts.</summary>
internal static class MarkdownReport
{
    /// <summary>The issue's throughput target: the bot keeps this share of the bare endpoint's requests per second.</summary>
    public const double ThroughputRatioTarget = 0.30;

    /// <summary>The issue's latency target at 200 concurrent clients.</summary>
    public const double P99TargetMilliseconds = 20;

    public static string Table(IReadOnlyList<LoadPair> pairs)
    {
        var rounds = pairs.Select(p => p.Round).Distinct().Count();
        var text = new StringBuilder();
        text.AppendLine((rounds > 1 ? "| Round " : string.Empty) + "| N | bare rps | bot rps | bot/bare | bare p50 / p99 (ms) | bot p50 / p99 (ms) | bot max (ms) | errors bare / bot | CPU µs/req bare / bot | load avg (1 min) before |");
        text.AppendLine((rounds > 1 ? "|--:" : string.Empty) + "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var p in pairs)
        {
            var round = rounds > 1 ? Invariant($"| {p.Round} ") : string.Empty;
            text.Append(round).AppendLine(Invariant(
                $"| {p.Bare.Clients} | {p.Bare.RequestsPerSecond:N0} | {p.Bot.RequestsPerSecond:N0} | {Ratio(p):P1} | {p.Bare.P50Milliseconds:0.00} / {p.Bare.P99Milliseconds:0.00} | {p.Bot.P50Milliseconds:0.00} / {p.Bot.P99Milliseconds:0.00} | {p.Bot.MaxMilliseconds:0.0} | {p.Bare.Errors} / {p.Bot.Errors} | {p.Bare.CpuMicrosecondsPerRequest:N0} / {p.Bot.CpuMicrosecondsPerRequest:N0} | {p.LoadAverage} |"));
        }

        return text.ToString();
    }

    public static IEnumerable<string> Verdicts(IReadOnlyList<LoadPair> pairs)
    {
        foreach (var group in pairs.GroupBy(p => p.Bare.Clients))
        {
            var worst = group.Min(Ratio);
            yield return Invariant($"N={group.Key}: bot/bare {worst:P1} (lowest of {group.Count()} round(s)) → throughput target ≥ {ThroughputRatioTarget:P0} {(worst >= ThroughputRatioTarget ? "MET" : "NOT MET")}");
        }

        var at200 = pairs.Where(p => p.Bot.Clients == 200).ToList();
        if (at200.Count > 0)
        {
            var p99 = at200.Max(p => p.Bot.P99Milliseconds);
            yield return Invariant($"N=200: bot p99 {p99:0.00} ms (highest of {at200.Count} round(s)) → latency target < {P99TargetMilliseconds} ms {(p99 < P99TargetMilliseconds ? "MET" : "NOT MET")}");
        }

        var silent = pairs.Sum(p => p.Bot.Silent);
        yield return Invariant($"Silent bot turns (200 with no activity, as while a hand-off to staff is open): {silent} of {pairs.Sum(p => p.Bot.Requests)}.");

        var errors = pairs.Sum(p => p.Bare.Errors + p.Bot.Errors);
        yield return errors == 0
            ? "Errors: none (every answer was 200 with an expectReplies body)."
            : Invariant($"Errors: {errors} (failed: bare {pairs.Sum(p => p.Bare.Failed)}, bot {pairs.Sum(p => p.Bot.Failed)}; 200 but not an expectReplies body: bare {pairs.Sum(p => p.Bare.BadReplies)}, bot {pairs.Sum(p => p.Bot.BadReplies)}).");
    }

    private static double Ratio(LoadPair pair) =>
        pair.Bare.RequestsPerSecond == 0 ? 0 : pair.Bot.RequestsPerSecond / pair.Bare.RequestsPerSecond;

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
