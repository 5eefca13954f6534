using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// Builds the request bodies: a Web Chat-like message activity with <c>deliveryMode: "expectReplies"</c>. Each client
/// is one patient holding conversations of <see cref="TurnsPerConversation"/> turns (the bot reads and writes that
/// conversation's state every turn; a new conversation starts with no state). The questions are shuffled once with a
/// fixed seed, so topics and out-of-scope questions are interleaved as in real traffic, and each client starts at a
/// different point. The same bytes go to the bare endpoint.
/// </summary>
internal sealed class ActivityBodies
{
    /// <summary>Turns before a client starts a new conversation (so one hand-off does not silence it for the run).</summary>
    public const int TurnsPerConversation = 10;

    private readonly string[] _escapedTexts;
    private readonly string _runId;
    private readonly bool _unique;

    public ActivityBodies(IReadOnlyList<string> texts, string runId, bool unique = false)
    {
        _unique = unique;
        var shuffled = texts.ToArray();
        new Random(20261124).Shuffle(shuffled);
        _escapedTexts = [.. shuffled.Select(t => JsonSerializer.Serialize(t, JsonOptions))];
        _runId = runId;
    }

    /// <summary>The suffix that makes a request's question unique.</summary>
    public static string UniqueText(string target, int client, long sequence) =>
        string.Concat(target, "-", client.ToString(CultureInfo.InvariantCulture), "-", sequence.ToString(CultureInfo.InvariantCulture));

    private static JsonSerializerOptions JsonOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body of request number <paramref name="sequence"/> of client <paramref name="client"/>.</summary>
    public byte[] For(string target, int client, long sequence)
    {
        // A prime stride spreads the clients over the questions.
        var text = _escapedTexts[(int)(((client * 7919L) + sequence) % _escapedTexts.Length)];
        if (_unique)
        {
            // Never the same text twice: no embedding cache hit, no exact match.
            text = string.Concat(text.AsSpan(0, text.Length - 1), " (ref ", UniqueText(target, client, sequence), ")\"");
        }

        var c = client.ToString(CultureInfo.InvariantCulture);
        var json = string.Concat(
            "{\"type\":\"message\",\"id\":\"", c, "-", sequence.ToString(CultureInfo.InvariantCulture),
            "\",\"channelId\":\"webchat\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"from\":{\"id\":\"load-user-", c,
            "\",\"name\":\"Patient\",\"role\":\"user\"},\"recipient\":{\"id\":\"bot\",\"name\":\"Clinic Assistant\",\"role\":\"bot\"},",
            "\"conversation\":{\"id\":\"load-", _runId, "-", target, "-", c, "-", (sequence / TurnsPerConversation).ToString(CultureInfo.InvariantCulture), "\"},\"text\":", text,
            ",\"textFormat\":\"plain\",\"locale\":\"en-US\",\"deliveryMode\":\"expectReplies\"}");
        return Encoding.UTF8.GetBytes(json);
    }
}
