using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.Faq.Editing;

/// <summary>
/// One topic file as a JSON document that can be changed and written back the way staff wrote it: the <c>$schema</c>
/// line, the order of entries and of their fields, 2-space indentation, <c>\n</c> line ends and a final newline (the
/// layout of the files in <c>faq-data/</c>), so a change shows in git as exactly the lines that changed.
/// </summary>
public sealed class FaqTopicDocument
{
    /// <summary>The <c>$schema</c> value of every topic file.</summary>
    public const string SchemaReference = "./faq-topic.schema.json";

    private static readonly string[] FieldOrder =
        ["id", "title", "audience", "examples", "answer", "followUps", "source", "owner", "lastReviewed", "reviewBy", "draft"];

    private readonly JObject _root;

    private FaqTopicDocument(JObject root) => _root = root;

    /// <summary>The topic name (the file's <c>topic</c>).</summary>
    public string Topic => (string?)_root["topic"] ?? string.Empty;

    /// <summary>The entries' JSON objects, in file order (items that are not objects are skipped).</summary>
    public IReadOnlyList<JObject> Entries => (_root["entries"] as JArray)?.OfType<JObject>().ToList() ?? [];

    /// <summary>Reads a topic file's text.</summary>
    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    public static FaqTopicDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new JsonTextReader(new StringReader(json))
        {
            // Dates stay text ("2026-11-24"), numbers stay as written.
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var token = JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        return token is JObject root
            ? new FaqTopicDocument(root)
            : throw new JsonReaderException("The file must contain one JSON object ({ \"topic\": …, \"entries\": [ … ] }).");
    }

    /// <summary>A new, empty topic file.</summary>
    public static FaqTopicDocument Create(string topic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        return new FaqTopicDocument(new JObject
        {
            ["$schema"] = SchemaReference,
            ["topic"] = topic,
            ["entries"] = new JArray(),
        });
    }

    /// <summary>The JSON object of the entry with this id, or null.</summary>
    public JObject? Find(string id) => Entries.FirstOrDefault(e => (string?)e["id"] == id);

    /// <summary>
    /// Writes <paramref name="content"/> into the entry with the same id, changing only the fields that differ and
    /// keeping their order; a new id is appended at the end of <c>entries</c>.
    /// </summary>
    /// <returns>The entry's JSON object after the change.</returns>
    public JObject Apply(FaqEntryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var entry = Find(content.Id);
        if (entry is null)
        {
            entry = [];
            if (_root["entries"] is not JArray entries)
            {
                entries = [];
                _root["entries"] = entries;
            }

            entries.Add(entry);
        }

        Set(entry, "id", content.Id);
        Set(entry, "title", content.Title);
        Set(entry, "audience", FaqEntryContent.AudienceName(content.Audience));
        Set(entry, "examples", new JArray(content.Examples));
        Set(entry, "answer", content.Answer);
        if (content.FollowUps.Count > 0 || entry.ContainsKey("followUps"))
        {
            Set(entry, "followUps", new JArray(content.FollowUps));
        }

        Set(entry, "source", content.Source);
        Set(entry, "owner", content.Owner);
        Set(entry, "lastReviewed", Date(content.LastReviewed));
        SetOrRemove(entry, "reviewBy", content.ReviewBy is { } reviewBy ? new JValue(Date(reviewBy)) : null);
        SetOrRemove(entry, "draft", content.Draft ? new JValue(true) : null);
        return entry;
    }

    /// <summary>The file's text: 2-space indentation, <c>\n</c> line ends, a final newline.</summary>
    public string ToJson()
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2, IndentChar = ' ' })
        {
            _root.WriteTo(writer);
        }

        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>
    /// The version tag of an entry as it is in its file: a hash of its JSON, so any change to the entry (from the staff
    /// page, an editor or git) changes it, and a change to another entry does not.
    /// </summary>
    public static string ETagOf(JObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bytes = Encoding.UTF8.GetBytes(entry.ToString(Formatting.None));
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..20];
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void SetOrRemove(JObject entry, string name, JToken? value)
    {
        if (value is null)
        {
            entry.Remove(name);
        }
        else
        {
            Set(entry, name, value);
        }
    }

    private static void Set(JObject entry, string name, JToken value)
    {
        if (entry.Property(name, StringComparison.Ordinal) is { } existing)
        {
            if (!JToken.DeepEquals(existing.Value, value))
            {
                existing.Value = value;
            }

            return;
        }

        // A new field goes after the nearest field that comes before it in the usual order, so files stay alike.
        var index = Array.IndexOf(FieldOrder, name);
        var before = FieldOrder.Take(Math.Max(0, index)).Reverse()
            .Select(n => entry.Property(n, StringComparison.Ordinal))
            .FirstOrDefault(p => p is not null);
        var property = new JProperty(name, value);
        if (before is not null)
        {
            before.AddAfterSelf(property);
        }
        else if (entry.First is { } first)
        {
            first.AddBeforeSelf(property);
        }
        else
        {
            entry.Add(property);
        }
    }
}
