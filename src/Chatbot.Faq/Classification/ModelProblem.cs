namespace Chatbot.Faq.Classification;

/// <summary>Why a model folder cannot be used.</summary>
public enum ModelProblem
{
    /// <summary><c>model.zip</c> or <c>model.json</c> does not exist.</summary>
    Missing,

    /// <summary>A model file is truncated, damaged or not an intent model.</summary>
    Corrupt,
}
