using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using Chatbot.Faq;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// Entry point. Starts the real bot and a bare Kestrel endpoint in this process (127.0.0.1, free ports), then for
/// each client count drives the bare endpoint and the bot in turn with the same requests and prints a Markdown table.
/// </summary>
internal static class LoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + LoadOptions.Usage);
            return 2;
        }

        var root = FaqPaths.FindRepositoryRoot(Environment.CurrentDirectory) ?? FaqPaths.FindRepositoryRoot(AppContext.BaseDirectory);
        if (root is null)
        {
            await Console.Error.WriteLineAsync("Run from inside the repository (Chatbot.sln was not found above the current folder).");
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        await RunAsync(root, options, cancellation.Token);
        return 0;
    }

    private static async Task RunAsync(string root, LoadOptions options, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        Console.WriteLine(Invariant($"# /api/messages load, {started:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine(Invariant($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, server GC: {GCSettings.IsServerGC}; load average before start: {LoadAverage()}"));
        Console.WriteLine(Invariant($"Run: storage {options.Storage}, questions {options.Questions.ToString().ToLowerInvariant()}, clients {string.Join(",", options.Clients)}, warm-up {options.Warmup.TotalSeconds:0} s + {options.Duration.TotalSeconds:0} s measured per target, {options.Rounds} round(s)"));

        await using var bot = await BotHost.StartAsync(root, options.Storage, cancellationToken);
        Console.WriteLine(Invariant($"Bot ready at {bot.Address} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s after start)"));
        var questions = QuestionSet.Load(Path.Combine(root, "faq-data"), options.Questions);
        Console.WriteLine("Questions: " + questions.DescribePaths(bot.Knowledge));

        var runId = started.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var sampleReply = await SampleReplyAsync(bot.Address, new ActivityBodies(questions.Texts, runId), cancellationToken);
        await using var bare = await BareEndpoint.StartAsync(sampleReply, cancellationToken);
        var bareAddress = new Uri(bare.Urls.Single());
        Console.WriteLine(Invariant($"Bare endpoint at {bareAddress}, answering a fixed {sampleReply.Length}-byte reply the bot gave"));
        Console.WriteLine();

        var runner = new LoadRunner(new ActivityBodies(questions.Texts, runId, options.Unique), options.Warmup, options.Duration);
        var pairs = new List<LoadPair>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var clients in options.Clients)
            {
                var loadAverage = LoadAverage().Split(' ')[0];
                var bareResult = await runner.RunAsync(Invariant($"bare{round}"), bareAddress, clients, cancellationToken);
                var botResult = await runner.RunAsync(Invariant($"bot{round}"), bot.Address, clients, cancellationToken);
                pairs.Add(new LoadPair(round, bareResult, botResult, loadAverage));
                await Console.Error.WriteLineAsync(Invariant($"round {round}, N={clients}: bare {bareResult.RequestsPerSecond:N0} rps, bot {botResult.RequestsPerSecond:N0} rps (p99 {botResult.P99Milliseconds:0.00} ms)"));
            }
        }

        Console.WriteLine(MarkdownReport.Table(pairs));
        foreach (var verdict in MarkdownReport.Verdicts(pairs))
        {
            Console.WriteLine("- " + verdict);
        }

        if (options.Unique)
        {
            Console.WriteLine("- " + RawEncoderBaseline.Run(questions.Texts, options.Duration));
        }

        var (hits, encoded, refused) = Chatbot.Faq.Embeddings.SentenceEmbedder.Shared.Counters;
        Console.WriteLine(Invariant($"- Sentence encoder in the bot process: {encoded:N0} texts encoded, {hits:N0} cache hits, {refused:N0} refused under overload (decided by the fast stage)."));
        Console.WriteLine(Invariant($"- Bot log entries at Warning+ during the whole run: {bot.Logs.Warnings} warnings, {bot.Logs.Errors} errors."));
        foreach (var sample in bot.Logs.Samples)
        {
            Console.WriteLine("  - " + sample);
        }

        Console.WriteLine(Invariant($"- Load average after: {LoadAverage()}; GC collections gen0/1/2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
    }

    /// <summary>One real bot answer, used as the bare endpoint's fixed body so both send replies of the same size.</summary>
    private static async Task<byte[]> SampleReplyAsync(Uri bot, ActivityBodies bodies, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = bot };
        using var content = new ByteArrayContent(bodies.For("sample", 0, 0));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode && body.Length > 0
            ? body
            : throw new InvalidOperationException($"The bot's sample answer was {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
