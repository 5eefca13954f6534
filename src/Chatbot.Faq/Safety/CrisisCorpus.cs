using System.Security.Cryptography;
using Chatbot.Faq.Classification;
using Newtonsoft.Json.Linq;

namespace Chatbot.Faq.Safety;

/// <summary>
/// The learned layer's training data: families of crisis, emergency and poisoning messages and their safe look-alikes,
/// each with the public sources it was written from (<c>Safety/Corpus/crisis-training.json</c>, embedded in the assembly).
/// </summary>
public sealed class CrisisCorpus
{
    /// <summary>Label of messages that need 988 and 911.</summary>
    public const string Crisis = "crisis";

    /// <summary>Label of medical emergencies (911).</summary>
    public const string Emergency = "emergency";

    /// <summary>Label of poisoning and overdose (911 and Poison Control).</summary>
    public const string Poisoning = "poisoning";

    /// <summary>Label of safe look-alikes.</summary>
    public const string Safe = "safe";

    /// <summary>Label of messages that may go either way by design (research questions about suicidality): not trained on.</summary>
    public const string Either = "either";

    private static readonly string[] ResourceNames = ["Chatbot.Faq.Safety.crisis-training.json", "Chatbot.Faq.Safety.safe-lookalikes.json"];

    private CrisisCorpus(IReadOnlyList<CrisisFamily> families, string hash)
    {
        Families = families;
        Hash = hash;
    }

    /// <summary>The families.</summary>
    public IReadOnlyList<CrisisFamily> Families { get; }

    /// <summary>SHA-256 of the corpus file: a saved model trained on another corpus is retrained.</summary>
    public string Hash { get; }

    /// <summary>The training examples (families labelled <see cref="Either"/> are left out).</summary>
    public IReadOnlyList<LabeledText> TrainingExamples =>
        Families.Where(f => f.Label != Either).SelectMany(f => f.Examples.Select(e => new LabeledText(e, f.Label))).ToList();

    /// <summary>The corpus that ships with the product.</summary>
    public static CrisisCorpus Embedded { get; } = LoadEmbedded();

    /// <summary>Reads a corpus file in the same format (the evaluation set, for example).</summary>
    public static CrisisCorpus Parse(string json)
    {
        var root = JObject.Parse(json);
        var families = new List<CrisisFamily>();
        foreach (var family in root["families"] as JArray ?? [])
        {
            families.Add(new CrisisFamily(
                (string?)family["id"] ?? "unnamed",
                (string?)family["label"] ?? Safe,
                (string?)family["language"] ?? "en",
                family["sources"]?.Values<string>().OfType<string>().ToList() ?? [],
                family["examples"]?.Values<string>().OfType<string>().ToList() ?? []));
        }

        return new CrisisCorpus(families, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))));
    }

    /// <summary>Several corpus files as one (families in order; the hash covers all of them).</summary>
    public static CrisisCorpus Merge(IEnumerable<CrisisCorpus> parts)
    {
        var list = parts.ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(";", list.Select(p => p.Hash)))));
        return new CrisisCorpus(list.SelectMany(p => p.Families).ToList(), hash);
    }

    private static CrisisCorpus LoadEmbedded()
    {
        var parts = new List<CrisisCorpus>();
        foreach (var name in ResourceNames)
        {
            using var stream = typeof(CrisisCorpus).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The crisis corpus resource '{name}' is missing from Chatbot.Faq.");
            using var reader = new StreamReader(stream);
            parts.Add(Parse(reader.ReadToEnd()));
        }

        return Merge(parts);
    }
}

/// <summary>One family of messages.</summary>
/// <param name="Id">The family, e.g. <c>passive-ideation</c>.</param>
/// <param name="Label">crisis, emergency, poisoning, safe or either.</param>
/// <param name="Language">en or es.</param>
/// <param name="Sources">The public instruments and publications it was written from.</param>
/// <param name="Examples">The messages (our own wording).</param>
public sealed record CrisisFamily(string Id, string Label, string Language, IReadOnlyList<string> Sources, IReadOnlyList<string> Examples);
