using System.Globalization;
using System.Text;
using Chatbot.Faq;
using Chatbot.Faq.Dataset;
using Newtonsoft.Json;

namespace Chatbot.Benchmarks;

/// <summary>
/// A fixed sample of the questions the load benchmark rotates through (FAQ examples, then the staff test questions),
/// taken at even steps so the mix of paths (exact match, classified, safety gate) is kept.
/// </summary>
internal static class BenchmarkQuestions
{
    /// <summary>How many questions one benchmark invocation processes (BenchmarkDotNet's OperationsPerInvoke).</summary>
    public const int Count = 256;

    public static string RepositoryRoot { get; } =
        FaqPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? FaqPaths.FindRepositoryRoot(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException("Chatbot.sln not found above the benchmark's folder.");

    public static string[] Load()
    {
        var dataFolder = Path.Combine(RepositoryRoot, "faq-data");
        var all = new FaqDatasetLoader().Load(dataFolder).Entries.SelectMany(e => e.Examples)
            .Concat(new TestConversationLoader().LoadFromDataFolder(dataFolder)?.Tests.Select(t => t.Text) ?? [])
            .ToList();
        return [.. Enumerable.Range(0, Count).Select(i => all[(int)((long)i * all.Count / Count)])];
    }

    /// <summary>A Web Chat-like expectReplies message activity, as UTF-8 JSON (the body /api/messages receives).</summary>
    public static byte[] RequestBody(string text, int index)
    {
        var i = index.ToString(CultureInfo.InvariantCulture);
        var json = "{\"type\":\"message\",\"id\":\"bench-" + i + "\",\"channelId\":\"webchat\",\"serviceUrl\":\"http://127.0.0.1:9/\","
            + "\"from\":{\"id\":\"bench-user\",\"name\":\"Patient\",\"role\":\"user\"},\"recipient\":{\"id\":\"bot\",\"name\":\"Clinic Assistant\",\"role\":\"bot\"},"
            + "\"conversation\":{\"id\":\"bench-" + i + "\"},\"text\":" + JsonConvert.ToString(text)
            + ",\"textFormat\":\"plain\",\"locale\":\"en-US\",\"deliveryMode\":\"expectReplies\"}";
        return Encoding.UTF8.GetBytes(json);
    }
}
