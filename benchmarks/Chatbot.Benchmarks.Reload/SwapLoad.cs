using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Benchmarks.Reload;

/// <summary>
/// Concurrent clients asking the edited entry's question (and a paraphrase the model must classify) while versions
/// are swapped. A reply fails when the request fails or has no message; it is mixed when its answer and its buttons
/// carry different edit markers, or a marker that was never saved.
/// </summary>
internal sealed class SwapLoad(BotProbe probe, FaqEditor editor, string paraphrase)
{
    private readonly ConcurrentDictionary<string, int> _byMarker = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private long _requests;
    private long _failures;
    private long _mixed;

    public long Requests => Interlocked.Read(ref _requests);

    public long Failures => Interlocked.Read(ref _failures);

    public long Mixed => Interlocked.Read(ref _mixed);

    public IReadOnlyDictionary<string, int> RepliesByMarker => _byMarker;

    public IEnumerable<string> Problems => _problems.Take(5);

    /// <summary>Request latency percentiles in milliseconds: p50, p99, max.</summary>
    public (double P50, double P99, double Max) Latency()
    {
        var sorted = _latencies.Order().ToArray();
        return sorted.Length == 0 ? (0, 0, 0) : (sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)], sorted[^1]);
    }

    /// <summary>Runs <paramref name="clients"/> clients until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(int clients, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c, stop), CancellationToken.None)));

    private async Task ClientAsync(int client, CancellationToken stop)
    {
        var conversation = $"load-{client}-{Guid.NewGuid():N}";
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var question = i % 2 == 0 ? editor.ExampleQuestion : paraphrase;
            var clock = Stopwatch.StartNew();
            try
            {
                var reply = await probe.AskAsync(conversation, question, CancellationToken.None);
                _latencies.Add(clock.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref _requests);
                Check(reply);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                Interlocked.Increment(ref _requests);
                Interlocked.Increment(ref _failures);
                _problems.Enqueue("failed: " + ex.Message);
            }
        }
    }

    private void Check(BotReply reply)
    {
        var marker = FaqEditor.MarkerOf(reply.Text);
        if (marker is null)
        {
            // Not the edited entry's answer (e.g. a "did you mean" for the paraphrase): nothing to compare.
            _byMarker.AddOrUpdate("(other reply)", 1, (_, n) => n + 1);
            return;
        }

        _byMarker.AddOrUpdate(marker, 1, (_, n) => n + 1);
        var buttonMarkers = reply.Buttons.Select(FaqEditor.MarkerOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (!editor.WasSaved(marker) || buttonMarkers.Count != 1 || buttonMarkers[0] != marker)
        {
            Interlocked.Increment(ref _mixed);
            _problems.Enqueue($"mixed: answer [{marker}], buttons [{string.Join(", ", buttonMarkers)}]");
        }
    }
}
