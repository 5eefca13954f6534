using System.Text.RegularExpressions;

namespace Chatbot.Faq.Dataset;

/// <summary>
/// The clinic's settings an approved answer may name instead of writing them out: <c>{clinic.name}</c>,
/// <c>{clinic.phone}</c> and <c>{clinic.hours}</c>. The phone number and hours change with the clinic, not with the
/// FAQ, so an answer that names them stays right when the settings change.
/// </summary>
public static partial class AnswerPlaceholders
{
    /// <summary>The clinic's name.</summary>
    public const string Name = "{clinic.name}";

    /// <summary>The clinic's phone number.</summary>
    public const string Phone = "{clinic.phone}";

    /// <summary>The clinic's opening hours, in words.</summary>
    public const string Hours = "{clinic.hours}";

    /// <summary>Every placeholder the bot fills in.</summary>
    public static IReadOnlyList<string> Known { get; } = [Name, Phone, Hours];

    /// <summary>The <c>{clinic.…}</c> placeholders of <paramref name="answer"/> the bot cannot fill in, each once.</summary>
    public static IEnumerable<string> Unknown(string answer) =>
        Placeholder().Matches(answer ?? string.Empty).Select(m => m.Value).Distinct(StringComparer.Ordinal)
            .Where(p => !Known.Contains(p, StringComparer.Ordinal));

    [GeneratedRegex(@"\{clinic\.[^{}\s]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
