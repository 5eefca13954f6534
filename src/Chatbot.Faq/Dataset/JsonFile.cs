using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.Faq.Dataset;

/// <summary>Reads one JSON data file with line information; never throws for a bad file.</summary>
internal static partial class JsonFile
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    /// <summary>Returns the root object, or null after adding an issue describing why the file cannot be used.</summary>
    public static JObject? TryReadObject(string path, string displayPath, List<ValidationIssue> issues)
    {
        try
        {
            using var stream = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return TryReadObject(stream, displayPath, issues);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            issues.Add(new ValidationIssue(
                IssueSeverity.Error, displayPath, 1, 1, IssueCodes.InvalidJson,
                $"the file could not be read ({ex.Message})",
                "check that the file exists, is not open in another program, and that you may read it."));
            return null;
        }
    }

    /// <summary>Returns the root object read from <paramref name="text"/>, or null after adding an issue.</summary>
    public static JObject? TryReadObject(TextReader text, string displayPath, List<ValidationIssue> issues)
    {
        try
        {
            using var reader = new JsonTextReader(text)
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var root = JToken.ReadFrom(reader, LoadSettings);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    issues.Add(Invalid(displayPath, reader.LineNumber, reader.LinePosition, "there is more text after the end of the JSON data"));
                    return null;
                }
            }

            if (root is JObject obj)
            {
                return obj;
            }

            var position = PositionOf(root);
            issues.Add(new ValidationIssue(
                IssueSeverity.Error, displayPath, position.Line, position.Column, IssueCodes.WrongType,
                "the file must contain one JSON object ({ \"topic\": …, \"entries\": [ … ] })",
                "wrap the content in { } with the fields 'topic' and 'entries'."));
            return null;
        }
        catch (JsonReaderException ex)
        {
            issues.Add(Invalid(displayPath, ex.LineNumber, ex.LinePosition, Describe(ex.Message)));
            return null;
        }
    }

    public static SourcePosition PositionOf(JToken? token)
    {
        if (token is IJsonLineInfo info && info.HasLineInfo())
        {
            return new SourcePosition(Math.Max(1, info.LineNumber), Math.Max(1, info.LinePosition));
        }

        return new SourcePosition(1, 1);
    }

    private static ValidationIssue Invalid(string displayPath, int line, int column, string reason) => new(
        IssueSeverity.Error, displayPath, Math.Max(1, line), Math.Max(1, column), IssueCodes.InvalidJson,
        $"the file is not valid JSON: {reason}",
        "look just before this point for a missing comma, quote, bracket or brace (or one too many), then save and validate again.");

    private static string Describe(string message)
    {
        // Newtonsoft appends "Path 'x', line 3, position 7." — the location is already in front of the issue.
        var text = PathSuffix().Replace(message, string.Empty).Trim();
        if (text.StartsWith("Error reading JToken from JsonReader", StringComparison.Ordinal))
        {
            return "the file is empty or ends too early";
        }

        return text.Length == 0 ? "unexpected text" : char.ToLowerInvariant(text[0]) + text[1..].TrimEnd('.');
    }

    [GeneratedRegex(@"\s*Path '.*?'(, line \d+, position \d+)?\.?$|,?\s*line \d+, position \d+\.?$")]
    private static partial Regex PathSuffix();
}
