using System.Diagnostics;

namespace Chatbot.Benchmarks.Load;

/// <summary>One target at one client count: throughput, latency percentiles, failures and CPU per request.</summary>
internal sealed record LoadResult(
    string Target,
    int Clients,
    long Requests,
    double RequestsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    double MaxMilliseconds,
    long Failed,
    long BadReplies,
    long Silent,
    double CpuMicrosecondsPerRequest)
{
    /// <summary>Failed requests and bad replies together.</summary>
    public long Errors => Failed + BadReplies;

    public static LoadResult From(string target, int clients, TimeSpan duration, IReadOnlyList<ClientTally> tallies, TimeSpan cpu)
    {
        var all = new long[tallies.Sum(t => t.Latencies.Count)];
        var offset = 0;
        foreach (var tally in tallies)
        {
            tally.Latencies.CopyTo(all, offset);
            offset += tally.Latencies.Count;
        }

        Array.Sort(all);
        return new LoadResult(
            target,
            clients,
            all.Length,
            all.Length / duration.TotalSeconds,
            Milliseconds(Percentile(all, 0.50)),
            Milliseconds(Percentile(all, 0.99)),
            Milliseconds(all.Length == 0 ? 0 : all[^1]),
            tallies.Sum(t => (long)t.Failed),
            tallies.Sum(t => (long)t.BadReplies),
            tallies.Sum(t => (long)t.Silent),
            all.Length == 0 ? 0 : cpu.TotalMicroseconds / all.Length);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static long Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
