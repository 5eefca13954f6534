namespace Chatbot.Patients;

/// <summary>
/// What a patient types to start the conversation again, in the bot's normalised form; the one list the answer
/// component and the dialogs share. Other wordings reach <c>smalltalk/start_over</c> through the classifier.
/// </summary>
public static class StartOverWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal) { "start over", "restart", "reset", "start again", "begin again" };

    /// <summary>True when <paramref name="normalized"/> (see <c>ExampleText.Normalize</c>) asks to start over.</summary>
    public static bool Match(string normalized) => Words.Contains(normalized);
}
