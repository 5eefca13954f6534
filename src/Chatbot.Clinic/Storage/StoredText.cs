namespace Chatbot.Clinic.Storage;

/// <summary>
/// Bounds on patient text: what the bot processes and what it keeps. A person types a few sentences; anything much
/// longer is a paste or an attack, and kept whole it fills the database and the staff pages (issue 12).
/// </summary>
public static class StoredText
{
    /// <summary>The most characters of one message the bot classifies or steps a dialog with (the safety gate sees all of it).</summary>
    public const int MaxProcessedLength = 5_000;

    /// <summary>The most characters of one message kept for staff review.</summary>
    public const int MaxStoredLength = 1_000;

    /// <summary>What a cut text ends with, so staff can see that it was cut.</summary>
    public const string CutMarker = " […cut]";

    /// <summary>The text, or its first <paramref name="maxLength"/> characters followed by <see cref="CutMarker"/>.</summary>
    public static string Cap(string text, int maxLength = MaxStoredLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        // Never split a surrogate pair: half an emoji is invalid UTF-16 in the database.
        var end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Concat(text.AsSpan(0, end), CutMarker);
    }

    /// <summary>The first <see cref="MaxProcessedLength"/> characters, for everything after the safety gate.</summary>
    public static string ForProcessing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxProcessedLength)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[MaxProcessedLength - 1]) ? MaxProcessedLength - 1 : MaxProcessedLength;
        return text[..end];
    }
}
