using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Chatbot.Faq.Dataset;

/// <summary>Turns one topic file's JSON into <see cref="FaqEntry"/>s, reporting structural problems.</summary>
internal static class FaqFileParser
{
    private static readonly HashSet<string> TopLevelFields = new(StringComparer.Ordinal) { "$schema", "topic", "entries" };

    private static readonly HashSet<string> EntryFields = new(StringComparer.Ordinal)
    {
        "id", "title", "audience", "examples", "answer", "followUps", "source", "owner", "lastReviewed", "reviewBy", "draft",
    };

    public static void Parse(
        JObject root,
        string fileTopic,
        string file,
        List<FaqEntry> entries,
        Dictionary<FaqEntry, EntryLocation> locations,
        List<ValidationIssue> issues)
    {
        var ctx = new Context(file, issues);
        ReportUnknownFields(ctx, root, TopLevelFields, "the file");
        var topic = ctx.RequiredString(root, "topic", "the file") ?? fileTopic;

        var entriesToken = root.Property("entries", StringComparison.Ordinal);
        if (entriesToken is null)
        {
            ctx.Error(JsonFile.PositionOf(root), IssueCodes.MissingField, "the file has no 'entries' list",
                "add \"entries\": [ … ] with at least one entry.");
            return;
        }

        if (entriesToken.Value is not JArray array)
        {
            ctx.Error(JsonFile.PositionOf(entriesToken), IssueCodes.WrongType, "'entries' must be a list in [ ]",
                "write the entries as \"entries\": [ { … }, { … } ].");
            return;
        }

        if (array.Count == 0)
        {
            ctx.Error(JsonFile.PositionOf(entriesToken), IssueCodes.MissingField, "'entries' is empty",
                "add at least one entry, or delete the file.");
        }

        foreach (var item in array)
        {
            if (item is not JObject entryObject)
            {
                ctx.Error(JsonFile.PositionOf(item), IssueCodes.WrongType, "each item of 'entries' must be an object in { }",
                    "write the entry as { \"id\": …, \"title\": …, … }.");
                continue;
            }

            if (ParseEntry(ctx, entryObject, topic) is { } parsed)
            {
                entries.Add(parsed.Entry);
                locations[parsed.Entry] = parsed.Location;
            }
        }
    }

    private static (FaqEntry Entry, EntryLocation Location)? ParseEntry(Context ctx, JObject obj, string topic)
    {
        var position = JsonFile.PositionOf(obj);
        var fields = obj.Properties().ToDictionary(p => p.Name, p => JsonFile.PositionOf(p), StringComparer.Ordinal);
        var id = ctx.RequiredString(obj, "id", "this entry");
        if (id is null)
        {
            return null;
        }

        var what = $"entry '{id}'";
        ReportUnknownFields(ctx, obj, EntryFields, what);
        var title = ctx.RequiredString(obj, "title", what) ?? string.Empty;
        var audience = ParseAudience(ctx, obj, what);
        var (examples, examplePositions) = ParseExamples(ctx, obj, what);
        var answer = ctx.RequiredString(obj, "answer", what, allowEmpty: true) ?? string.Empty;
        var followUps = ctx.OptionalStringList(obj, "followUps", what);
        var source = ctx.RequiredString(obj, "source", what) ?? string.Empty;
        var owner = ctx.RequiredString(obj, "owner", what) ?? string.Empty;
        var lastReviewed = ParseDate(ctx, obj, "lastReviewed", what, required: true) ?? DateOnly.MinValue;
        var reviewBy = ParseDate(ctx, obj, "reviewBy", what, required: false);
        var draft = ParseDraft(ctx, obj, what);

        var entry = new FaqEntry(
            id, title, audience, examples, answer, followUps, source, owner, lastReviewed, reviewBy, topic, ctx.File, position.Line)
        {
            Draft = draft,
        };
        return (entry, new EntryLocation(position, fields, examplePositions));
    }

    private static Audience ParseAudience(Context ctx, JObject obj, string what)
    {
        var value = ctx.RequiredString(obj, "audience", what);
        switch (value)
        {
            case null:
                return Audience.Staff; // Safest default while the error is fixed: never show an unknown entry to patients.
            case "patient":
                return Audience.Patient;
            case "staff":
                return Audience.Staff;
            case "both":
                return Audience.Both;
            default:
                ctx.Error(JsonFile.PositionOf(obj.Property("audience", StringComparison.Ordinal)), IssueCodes.UnknownAudience,
                    $"{what} has audience '{value}', which is not one of patient, staff or both",
                    "write \"audience\": \"patient\" (website), \"staff\" (Teams only) or \"both\", in lower case.");
                return Audience.Staff;
        }
    }

    private static (List<string> Examples, List<SourcePosition> Positions) ParseExamples(Context ctx, JObject obj, string what)
    {
        var examples = new List<string>();
        var positions = new List<SourcePosition>();
        var property = obj.Property("examples", StringComparison.Ordinal);
        if (property is null)
        {
            ctx.Error(JsonFile.PositionOf(obj), IssueCodes.MissingField, $"{what} has no 'examples'",
                "add \"examples\": [ … ] with at least 15 questions, phrased the way people ask them.");
            return (examples, positions);
        }

        if (property.Value is not JArray array)
        {
            ctx.Error(JsonFile.PositionOf(property), IssueCodes.WrongType, $"{what} has 'examples' that are not a list",
                "write the examples as a list of questions in quotes: [ \"question one\", \"question two\" ].");
            return (examples, positions);
        }

        foreach (var item in array)
        {
            if (item.Type != JTokenType.String)
            {
                ctx.Error(JsonFile.PositionOf(item), IssueCodes.WrongType, $"{what} has an example that is not text",
                    "put every example question in double quotes.");
                continue;
            }

            examples.Add((string?)item ?? string.Empty);
            positions.Add(JsonFile.PositionOf(item));
        }

        return (examples, positions);
    }

    private static DateOnly? ParseDate(Context ctx, JObject obj, string name, string what, bool required)
    {
        var text = required ? ctx.RequiredString(obj, name, what) : ctx.OptionalString(obj, name, what);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ctx.Error(JsonFile.PositionOf(obj.Property(name, StringComparison.Ordinal)), IssueCodes.BadDate,
            $"{what} has {name} '{text}', which is not a real date written as YYYY-MM-DD",
            $"write the date as year-month-day with leading zeros, for example \"{name}\": \"2025-03-07\".");
        return null;
    }

    private static bool ParseDraft(Context ctx, JObject obj, string what)
    {
        var property = obj.Property("draft", StringComparison.Ordinal);
        if (property is null)
        {
            return false;
        }

        if (property.Value.Type == JTokenType.Boolean)
        {
            return (bool)property.Value;
        }

        ctx.Error(JsonFile.PositionOf(property), IssueCodes.WrongType, $"{what} has 'draft' that is not true or false",
            "write \"draft\": true (not used by the bot yet) or remove the line (published), without quotes.");
        return true; // Safest while the error is fixed: an entry whose state is unclear is not answered.
    }

    private static void ReportUnknownFields(Context ctx, JObject obj, HashSet<string> known, string what)
    {
        foreach (var property in obj.Properties().Where(p => !known.Contains(p.Name)))
        {
            var suggestion = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            ctx.Error(JsonFile.PositionOf(property), IssueCodes.UnknownField,
                $"{what} has a field '{property.Name}' that the FAQ format does not know, so it would be ignored",
                suggestion is not null
                    ? $"rename it to '{suggestion}' (names are case-sensitive)."
                    : $"check the spelling; allowed fields are {string.Join(", ", known.Where(k => k != "$schema"))}.");
        }
    }

    private sealed class Context(string file, List<ValidationIssue> issues)
    {
        public string File { get; } = file;

        public void Error(SourcePosition at, string code, string message, string fix) =>
            issues.Add(new ValidationIssue(IssueSeverity.Error, File, at.Line, at.Column, code, message, fix));

        public string? RequiredString(JObject obj, string name, string what, bool allowEmpty = false)
        {
            var property = obj.Property(name, StringComparison.Ordinal);
            if (property is null)
            {
                Error(JsonFile.PositionOf(obj), IssueCodes.MissingField, $"{what} has no '{name}'",
                    $"add \"{name}\": \"…\" to {what}.");
                return null;
            }

            var value = StringValue(property, what);
            if (value is not null && !allowEmpty && string.IsNullOrWhiteSpace(value))
            {
                Error(JsonFile.PositionOf(property), IssueCodes.MissingField, $"{what} has an empty '{name}'",
                    $"fill in '{name}'.");
                return null;
            }

            return value;
        }

        public string? OptionalString(JObject obj, string name, string what)
        {
            var property = obj.Property(name, StringComparison.Ordinal);
            return property is null ? null : StringValue(property, what);
        }

        public List<string> OptionalStringList(JObject obj, string name, string what)
        {
            var list = new List<string>();
            var property = obj.Property(name, StringComparison.Ordinal);
            if (property is null)
            {
                return list;
            }

            if (property.Value is not JArray array || array.Any(t => t.Type != JTokenType.String))
            {
                Error(JsonFile.PositionOf(property), IssueCodes.WrongType, $"{what} has '{name}' that is not a list of ids",
                    $"write it as \"{name}\": [ \"faq/other_entry\" ].");
                return list;
            }

            list.AddRange(array.Select(t => (string?)t ?? string.Empty));
            return list;
        }

        private string? StringValue(JProperty property, string what)
        {
            if (property.Value.Type == JTokenType.String)
            {
                return (string?)property.Value;
            }

            Error(JsonFile.PositionOf(property), IssueCodes.WrongType, $"{what} has '{property.Name}' that is not text",
                $"put the value of '{property.Name}' in double quotes.");
            return null;
        }
    }
}
