namespace Chatbot.Faq.Classification;

/// <summary>Which n-grams the classifier sees.</summary>
public enum IntentFeatures
{
    /// <summary>Word n-grams plus character n-grams (the default).</summary>
    WordAndChar,

    /// <summary>Character n-grams only.</summary>
    CharOnly,
}
