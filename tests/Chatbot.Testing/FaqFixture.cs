using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Chatbot.Testing;

/// <summary>A small valid clinic dataset (6 intents × 15 examples + 100 out-of-scope) written to a temp folder.</summary>
public sealed class FaqFixture : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string[]> Intents = new Dictionary<string, string[]>
    {
        ["faq/infusion_duration"] =
        [
            "how long does an infusion take", "how long is the infusion", "infusion length", "how many hours is a session",
            "how much time should i plan for my infusion", "duration of the treatment session", "how long will i be at the clinic",
            "how long does the drip last", "is the infusion about an hour", "how long do sessions run",
            "what is the length of one treatment", "how long am i there for the infusion", "time needed for an infusion visit",
            "how long does a ketamine session take", "how many minutes does the infusion last",
        ],
        ["faq/parking"] =
        [
            "where do i park", "is there parking", "parking at the clinic", "can i park on site", "is parking free",
            "where is the car park", "do you have a parking lot", "where should i leave my car", "is there a garage nearby",
            "parking for patients", "can my driver park there", "is there disabled parking", "how much is parking",
            "where can visitors park", "do i need a parking permit",
        ],
        ["faq/cost"] =
        [
            "how much does it cost", "what is the price of treatment", "is it covered by insurance", "how much is one infusion",
            "do you take insurance", "what are your fees", "cost of a session", "can i pay in installments",
            "how expensive is the treatment", "do you accept credit cards", "what will i be billed", "is there a payment plan",
            "price per infusion", "does medicare pay for this", "what do i pay out of pocket",
        ],
        ["booking/book_appointment"] =
        [
            "i want to book an appointment", "book a session", "schedule an infusion", "can i make an appointment",
            "i need to schedule a visit", "book me in please", "set up an appointment", "make a booking",
            "i would like to schedule treatment", "reserve a time slot", "when can i come in", "get an appointment next week",
            "can you book me for tuesday", "arrange a consultation", "sign me up for a visit",
        ],
        ["smalltalk/greeting"] =
        [
            "hello", "hi", "hi there", "good morning", "hey", "good afternoon", "hello there", "hey bot", "greetings",
            "good evening", "hiya", "howdy", "morning", "yo", "hey there",
        ],
        ["clinician/medication_question"] =
        [
            "can i take my antidepressant before the infusion", "should i stop my medication", "is it safe with my blood pressure pills",
            "what dose should i take", "can i drink alcohol with my meds", "will ketamine interact with my prescription",
            "should i skip my pills today", "can i take benzodiazepines before treatment", "is my medication a problem for ketamine",
            "how many milligrams should i take", "can i double my dose", "is it ok to take ibuprofen after",
            "do i need to stop lithium", "can i use my sleeping pills the night before", "what about my heart medication",
        ],
    };

    private static readonly string[] Topics =
    [
        "the weather", "football", "the stock market", "a pasta recipe", "my car engine", "the election", "a movie",
        "the moon landing", "my laptop", "a train ticket", "the lottery", "a pizza place", "my phone bill", "a flight to paris",
        "the world cup", "a birthday gift", "my garden", "a good book", "the news", "my tax return",
    ];

    private static readonly string[] Frames = ["tell me about {0}", "what do you know about {0}", "can you help me with {0}", "i have a question about {0}", "search for {0}"];

    public FaqFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "faq-fixture-" + Guid.NewGuid().ToString("N"));
        DataFolder = Path.Combine(Root, "faq-data");
        ModelFolder = Path.Combine(Root, "models");
        WriteDataset(DataFolder);
    }

    public string Root { get; }

    public string DataFolder { get; }

    public string ModelFolder { get; }

    /// <summary>100 distinct off-topic questions.</summary>
    public static IReadOnlyList<string> OutOfScopeExamples { get; } =
        Topics.SelectMany(t => Frames.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, t))).ToList();

    /// <summary>Writes the dataset (two topic files, the schema file, and tests) into <paramref name="folder"/>.</summary>
    public static void WriteDataset(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "tests"));
        var first = Intents.Take(3).Select(kv => Entry(kv.Key, kv.Value));
        var second = Intents.Skip(3).Select(kv => Entry(kv.Key, kv.Value)).Append(Entry("out_of_scope", OutOfScopeExamples));
        File.WriteAllText(Path.Combine(folder, "clinic.json"), Topic("Clinic", first));
        File.WriteAllText(Path.Combine(folder, "other.json"), Topic("Other", second));
        File.WriteAllText(Path.Combine(folder, "faq-topic.schema.json"), "{ \"not\": \"a topic file\" }");
        File.WriteAllText(Path.Combine(folder, "tests", "test-conversations.json"), JsonConvert.SerializeObject(new
        {
            tests = new object[]
            {
                new { text = "how long does an infusion take", intent = "faq/infusion_duration" },
                new { text = "where do i park", intent = "faq/parking" },
                new { text = "hello", intent = "smalltalk/greeting" },
                new { text = "tell me about the weather", intent = "out_of_scope" },
            },
        }, Formatting.Indented));
    }

    public static JObject Entry(string id, IEnumerable<string> examples, string? answer = null) => new()
    {
        ["id"] = id,
        ["title"] = "Title of " + id.Split('/')[^1],
        ["audience"] = "patient",
        ["examples"] = new JArray(examples),
        ["answer"] = answer ?? $"The approved answer for {id}.",
        ["source"] = "Fixture",
        ["owner"] = "Tests",
        ["lastReviewed"] = "2025-01-15",
    };

    public static string Topic(string topic, IEnumerable<JObject> entries) =>
        new JObject { ["topic"] = topic, ["entries"] = new JArray(entries) }.ToString(Formatting.Indented);

    /// <summary>All fixture examples (in-scope and out-of-scope) as (text, label).</summary>
    public static IReadOnlyList<global::Chatbot.Faq.Classification.LabeledText> Examples =>
        Intents.SelectMany(kv => kv.Value.Select(t => new global::Chatbot.Faq.Classification.LabeledText(t, kv.Key)))
            .Concat(OutOfScopeExamples.Select(t => new global::Chatbot.Faq.Classification.LabeledText(t, "out_of_scope")))
            .ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
