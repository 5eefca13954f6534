using Newtonsoft.Json.Linq;

namespace Chatbot.Faq.Dataset;

/// <summary>Reads the staff acceptance tests, <c>{"tests":[{"text": "…", "intent": "…"}]}</c>.</summary>
public sealed class TestConversationLoader
{
    /// <summary>The tests file's path relative to the data folder.</summary>
    public const string RelativePath = "tests/test-conversations.json";

    /// <summary>The tests file of a data folder.</summary>
    public static string PathIn(string dataFolder) => Path.Combine(Path.GetFullPath(dataFolder), "tests", "test-conversations.json");

    /// <summary>Reads the tests file of <paramref name="dataFolder"/>; returns null when there is none.</summary>
    public TestConversationSet? LoadFromDataFolder(string dataFolder)
    {
        var path = PathIn(dataFolder);
        return File.Exists(path) ? Load(path, FaqDatasetLoader.DisplayPath(Path.GetFullPath(dataFolder), path)) : null;
    }

    /// <summary>Reads a tests file. Never throws for a bad file: problems become issues.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayPath">How to name the file in issues (defaults to <paramref name="path"/>).</param>
    public TestConversationSet Load(string path, string? displayPath = null)
    {
        var display = displayPath ?? path;
        var issues = new List<ValidationIssue>();
        var tests = new List<TestConversation>();
        var root = JsonFile.TryReadObject(path, display, issues);
        if (root is null)
        {
            return new TestConversationSet(display, tests, issues);
        }

        if (root.Property("tests", StringComparison.Ordinal)?.Value is not JArray array)
        {
            var at = JsonFile.PositionOf(root);
            issues.Add(new ValidationIssue(IssueSeverity.Error, display, at.Line, at.Column, IssueCodes.MissingField,
                "the tests file has no 'tests' list", "write it as { \"tests\": [ { \"text\": \"…\", \"intent\": \"faq/…\" } ] }."));
            return new TestConversationSet(display, tests, issues);
        }

        foreach (var item in array)
        {
            var at = JsonFile.PositionOf(item);
            var text = item is JObject o && o["text"]?.Type == JTokenType.String ? (string?)o["text"] : null;
            var intent = item is JObject p && p["intent"]?.Type == JTokenType.String ? (string?)p["intent"] : null;
            if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(intent))
            {
                issues.Add(new ValidationIssue(IssueSeverity.Error, display, at.Line, at.Column, IssueCodes.MissingField,
                    "a test needs both a 'text' and an 'intent'",
                    "write the test as { \"text\": \"the question\", \"intent\": \"faq/expected_entry\" }."));
                continue;
            }

            tests.Add(new TestConversation(text, intent, at.Line, at.Column));
        }

        return new TestConversationSet(display, tests, issues);
    }
}
