using System.Diagnostics;
using System.Globalization;
using Chatbot.Faq.Embeddings;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// The limit for unique questions: the same encoder, called directly (no HTTP, no bot), one thread per core, on the
/// same kind of unique texts, for the same time.
/// </summary>
internal static class RawEncoderBaseline
{
    public static string Run(IReadOnlyList<string> texts, TimeSpan duration)
    {
        var encoder = SentenceEmbedder.Shared.Encoder;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var stop = Stopwatch.StartNew();
        var count = 0L;
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            for (var i = 0L; stop.Elapsed < duration; i++)
            {
                var text = texts[(int)((worker * 7919L + i) % texts.Count)] + " (ref raw-" + worker.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture) + ")";
                var start = Stopwatch.GetTimestamp();
                encoder.Encode(text);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref count);
            }
        });
        var sorted = latencies.Order().ToArray();
        var p99 = sorted.Length == 0 ? 0 : sorted[(int)(sorted.Length * 0.99)];
        return string.Create(CultureInfo.InvariantCulture,
            $"Raw ONNX Runtime inference of the same kind of unique texts, {Environment.ProcessorCount} threads, {duration.TotalSeconds:0} s: {count / stop.Elapsed.TotalSeconds:N0} sentences/s, p50 {sorted[sorted.Length / 2]:0.00} ms, p99 {p99:0.00} ms (the encoder alone: the ceiling for unique questions).");
    }
}
