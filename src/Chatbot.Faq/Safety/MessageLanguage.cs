namespace Chatbot.Faq.Safety;

/// <summary>Tells Spanish from English well enough to answer a crisis message in the language it was written in.</summary>
public static class MessageLanguage
{
    private static readonly HashSet<string> Spanish = new(StringComparer.Ordinal)
    {
        "que", "quiero", "no", "mi", "me", "yo", "el", "la", "los", "las", "de", "del", "y", "es", "estoy", "tengo", "por",
        "para", "con", "una", "un", "se", "lo", "muy", "pero", "ya", "mas", "esta", "esto", "todo", "nada", "vida", "morir",
        "hijo", "hija", "pastillas", "ayuda", "puedo", "puede", "hay", "soy", "cuando", "como", "porque", "donde", "sin",
        "tiene", "hace", "siento", "quisiera", "nadie", "mejor", "despertar", "dolor", "pecho", "respira", "cita", "cuanto",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "i", "you", "to", "and", "a", "is", "it", "my", "of", "in", "that", "do", "what", "how", "can", "im", "me",
        "want", "have", "this", "be", "for", "not", "dont", "with", "just", "are", "your", "about", "he", "she", "they",
    };

    /// <summary>True when the text reads as Spanish.</summary>
    public static bool IsSpanish(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Contains('¿', StringComparison.Ordinal) || text.Contains('¡', StringComparison.Ordinal) || text.Contains('ñ', StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var words = SafetyRules.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int spanish = 0, english = 0;
        foreach (var word in words)
        {
            spanish += Spanish.Contains(word) ? 1 : 0;
            english += English.Contains(word) ? 1 : 0;
        }

        return spanish >= 2 && spanish > english;
    }
}
