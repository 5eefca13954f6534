using System.Globalization;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>
/// Timings the browser tests see (reported, not asserted): written to the test output and appended to
/// TestResults/timings.tsv, from which docs/benchmarks.md is updated by hand.
/// </summary>
internal static class Timings
{
    private static readonly Lock Gate = new();

    public static void Record(ITestOutputHelper output, string what, TimeSpan elapsed)
    {
        var ms = elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        output.WriteLine($"timing: {what}: {ms} ms");
        lock (Gate)
        {
            Directory.CreateDirectory(RepositoryPaths.Artifacts);
            File.AppendAllText(Path.Combine(RepositoryPaths.Artifacts, "timings.tsv"),
                $"{DateTimeOffset.UtcNow:O}\t{what}\t{ms}{Environment.NewLine}");
        }
    }
}
