namespace Chatbot.Faq.Classification;

/// <summary>Maps a question to the FAQ's intents. Implementations are thread-safe.</summary>
public interface IIntentClassifier
{
    /// <summary>
    /// Classifies <paramref name="text"/>. Never throws for odd input: an empty, very long, emoji-only or non-Latin
    /// question gets a defined prediction (out of scope when nothing is recognised).
    /// </summary>
    IntentPrediction Classify(string text);
}
