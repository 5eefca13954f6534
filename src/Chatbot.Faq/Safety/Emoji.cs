using System.Text;

namespace Chatbot.Faq.Safety;

/// <summary>
/// Spells out the emoji people use for means of self-harm and for medicines, so the rules and the sentence encoder
/// (whose vocabulary has no emoji) see them as words. Laughing skulls and the like are left alone.
/// </summary>
internal static class Emoji
{
    private static readonly (string Emoji, string Word)[] Meanings =
    [
        ("\U0001F52B", " gun "),
        ("\U0001F48A", " pills "),
        ("\U0001FAA6", " grave "),
        ("\u26B0", " coffin "),
        ("\U0001F52A", " knife "),
        ("\U0001FAA2", " rope "),
        ("\U0001FA78", " blood "),
        ("\U0001FA79", " bandage "),
        ("\U0001F489", " syringe "),
        ("\U0001F940", " wilted "),
        ("\U0001F635", " dizzy "),
    ];

    /// <summary>The text with the emoji above replaced by words (unchanged when it has none).</summary>
    public static string Words(string text)
    {
        StringBuilder? builder = null;
        foreach (var (emoji, word) in Meanings)
        {
            if (text.Contains(emoji, StringComparison.Ordinal))
            {
                builder ??= new StringBuilder(text);
                builder.Replace(emoji, word);
            }
        }

        return builder?.ToString() ?? text;
    }
}
