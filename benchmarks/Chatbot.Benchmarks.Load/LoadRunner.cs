using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// A closed-loop load generator: N clients, each with its own HTTP/1.1 keep-alive connection (its own
/// <see cref="SocketsHttpHandler"/> limited to one connection), each sending its next request as soon as the previous
/// answer is read. Requests completed during the warm-up are not recorded; a request is recorded when it completes
/// inside the measured window. Latencies are Stopwatch ticks in a list per client, merged and sorted at the end.
/// </summary>
internal sealed class LoadRunner(ActivityBodies bodies, TimeSpan warmup, TimeSpan duration)
{
    private static readonly byte[] ExpectedPrefix = "{\"activities\":["u8.ToArray();

    public async Task<LoadResult> RunAsync(string target, Uri baseAddress, int clientCount, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(baseAddress, "/api/messages");
        var clients = Enumerable.Range(0, clientCount).Select(_ => CreateClient()).ToArray();
        try
        {
            // Open every connection before the clock starts (one small request each).
            await Task.WhenAll(clients.Select((c, i) => SendAsync(c, endpoint, bodies.For(target + "-open", i, 0), new byte[16 * 1024], cancellationToken)));

            var process = Process.GetCurrentProcess();
            var start = Stopwatch.GetTimestamp();
            var measureFrom = start + Ticks(warmup);
            var measureTo = measureFrom + Ticks(duration);
            var cpuBefore = TimeSpan.Zero;
            var cpuTask = Task.Run(
                async () =>
                {
                    await Task.Delay(Stopwatch.GetElapsedTime(start, measureFrom), cancellationToken);
                    process.Refresh();
                    cpuBefore = process.TotalProcessorTime;
                },
                cancellationToken);

            var perClient = await Task.WhenAll(clients.Select((c, i) => Task.Run(() => ClientLoopAsync(c, endpoint, target, i, measureFrom, measureTo, cancellationToken), cancellationToken)));
            await cpuTask;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            return LoadResult.From(target, clientCount, duration, perClient, cpu);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private async Task<ClientTally> ClientLoopAsync(HttpClient client, Uri endpoint, string target, int index, long measureFrom, long measureTo, CancellationToken cancellationToken)
    {
        var tally = new ClientTally();
        var buffer = new byte[16 * 1024];
        for (long sequence = 1; ; sequence++)
        {
            var body = bodies.For(target, index, sequence);
            var started = Stopwatch.GetTimestamp();
            if (started >= measureTo)
            {
                return tally;
            }

            Outcome outcome;
            try
            {
                outcome = await SendAsync(client, endpoint, body, buffer, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
            {
                outcome = Outcome.Failed;
            }

            var completed = Stopwatch.GetTimestamp();
            if (completed >= measureFrom && completed <= measureTo)
            {
                tally.Record(completed - started, outcome);
            }
        }
    }

    private static async Task<Outcome> SendAsync(HttpClient client, Uri endpoint, byte[] body, byte[] buffer, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var length = 0;
        int read;
        // Only the first bytes are checked: once they are in, later reads reuse the rest of the buffer.
        while ((read = await stream.ReadAsync(buffer.AsMemory(Math.Min(length, ExpectedPrefix.Length + 1)), cancellationToken)) > 0)
        {
            length += read;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return Outcome.Failed;
        }

        // An expectReplies answer: with at least one activity, or empty (silent); anything else is a bad reply.
        if (length <= ExpectedPrefix.Length || !buffer.AsSpan(0, ExpectedPrefix.Length).SequenceEqual(ExpectedPrefix))
        {
            return Outcome.BadReply;
        }

        return buffer[ExpectedPrefix.Length] == (byte)'{' ? Outcome.Ok : Outcome.Silent;
    }

    private static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
