using System.Globalization;
using System.Text.RegularExpressions;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Turns an answer into tokens: lower case, punctuation dropped (except what dates and times need), "a.m." → "am",
/// "2pm" → 2 + pm, "3rd" → ordinal 3, words canonicalised and typo-corrected by <see cref="PreferredTimeVocabulary"/>.
/// </summary>
internal static partial class PreferredTimeLexer
{
    public static IReadOnlyList<TimeToken> Tokenize(string text)
    {
        var normalized = text.ToLowerInvariant()
            .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'')
            .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2212', '-')
            .Replace("'", string.Empty, StringComparison.Ordinal);
        normalized = Meridiem().Replace(normalized, "$1m ");
        normalized = TextSpeak().Replace(normalized, "to$1");

        var tokens = new List<TimeToken>();
        foreach (Match match in Token().Matches(normalized))
        {
            if (ToToken(match) is { } token)
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    private static TimeToken? ToToken(Match match)
    {
        if (match.Groups["iso"].Success)
        {
            var parts = match.Value.Split('-');
            return new TimeToken(TimeTokenKind.IsoDate, null, Number(parts[0]), Number(parts[1]), Number(parts[2]));
        }

        if (match.Groups["slash"].Success)
        {
            var parts = match.Value.Split('/', '.');
            var year = parts.Length < 3 ? 0 : parts[2].Length == 2 ? 2000 + Number(parts[2]) : parts[2].Length == 4 ? Number(parts[2]) : -1;
            return new TimeToken(TimeTokenKind.SlashDate, null, Number(parts[0]), Number(parts[1]), year);
        }

        if (match.Groups["clock"].Success)
        {
            var parts = match.Value.Split(':', '.');
            return new TimeToken(TimeTokenKind.Clock, null, Number(parts[0]), Number(parts[1]));
        }

        if (match.Groups["ord"].Success)
        {
            return new TimeToken(TimeTokenKind.Ordinal, null, Number(match.Groups["ord"].Value));
        }

        if (match.Groups["num"].Success)
        {
            // Numbers too long to be a day, hour or year are noise, not something to guess at.
            return match.Value.Length <= 4 ? new TimeToken(TimeTokenKind.Number, null, Number(match.Value)) : new TimeToken(TimeTokenKind.Word, "#");
        }

        if (match.Groups["word"].Success)
        {
            return PreferredTimeVocabulary.TryGetNumber(match.Value, out var value)
                ? new TimeToken(TimeTokenKind.Number, null, value)
                : new TimeToken(TimeTokenKind.Word, PreferredTimeVocabulary.Canonicalize(match.Value));
        }

        return match.Value switch
        {
            "-" => new TimeToken(TimeTokenKind.Dash, null),
            "," or ";" => new TimeToken(TimeTokenKind.Comma, null),
            "&" or "+" => new TimeToken(TimeTokenKind.Word, "and"),
            "@" => new TimeToken(TimeTokenKind.Word, "at"),
            _ => null,
        };
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![a-z])([ap])\.\s?m(?![a-z])\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Meridiem();

    [GeneratedRegex(@"(?<![a-z0-9])2(morrow|moro|day|nite|night)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex TextSpeak();

    [GeneratedRegex(
        @"(?<iso>\d{4}-\d{1,2}-\d{1,2})(?![\d-])" +
        @"|(?<slash>\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.\d{1,2}\.\d{2,4})(?![\d/.])" +
        @"|(?<clock>\d{1,2}[:.]\d{2})(?!\d)" +
        @"|(?<ord>\d{1,2})(?:st|nd|rd|th)(?![a-z])" +
        @"|(?<num>\d+)" +
        @"|(?<word>[a-z]+)" +
        @"|[-,;&+@]",
        RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
