using System.Globalization;

namespace Chatbot.Staff.Teams;

/// <summary>The staff commands of the Teams app (the manifest's command list).</summary>
public enum StaffCommandName
{
    /// <summary><c>bookings</c>: the newest booking requests.</summary>
    Bookings,

    /// <summary><c>unanswered [days]</c>: the most frequent questions the bot could not answer.</summary>
    Unanswered,

    /// <summary><c>why &lt;question&gt;</c>: how the bot classifies a question.</summary>
    Why,

    /// <summary><c>handoffs</c>: the open hand-offs.</summary>
    Handoffs,

    /// <summary><c>release &lt;reference&gt;</c>: give a conversation back to the bot.</summary>
    Release,

    /// <summary><c>help</c>: the list of commands.</summary>
    Help,
}

/// <summary>A recognised staff command and what followed its name.</summary>
/// <param name="Name">The command.</param>
/// <param name="Argument">The rest of the text, trimmed (may be empty).</param>
public sealed record StaffCommand(StaffCommandName Name, string Argument)
{
    /// <summary>
    /// Recognises a command: the first word is a command name (any case, an optional leading <c>/</c>, trailing
    /// punctuation ignored). <c>bookings</c>, <c>handoffs</c> and <c>help</c> take nothing more (<c>bookings</c> may take
    /// a count, <c>unanswered</c> a number of days); <c>why</c> and <c>release</c> take the rest. Anything else is a
    /// question, not a command.
    /// </summary>
    public static StaffCommand? Parse(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var word = (space < 0 ? trimmed : trimmed[..space]).TrimStart('/').TrimEnd('.', '!', '?', ':', ',').ToLowerInvariant();
        var rest = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        return word switch
        {
            "bookings" when rest.Length == 0 || IsNumber(rest) => new StaffCommand(StaffCommandName.Bookings, rest),
            "unanswered" when rest.Length == 0 || IsNumber(rest) || IsDays(rest) => new StaffCommand(StaffCommandName.Unanswered, rest),
            "why" => new StaffCommand(StaffCommandName.Why, rest),
            "handoffs" or "hand-offs" when rest.Length == 0 => new StaffCommand(StaffCommandName.Handoffs, rest),
            "release" => new StaffCommand(StaffCommandName.Release, rest),
            "help" when rest.Length == 0 => new StaffCommand(StaffCommandName.Help, rest),
            _ => null,
        };
    }

    /// <summary>The number at the start of <see cref="Argument"/>, or <paramref name="fallback"/>.</summary>
    public int NumberOr(int fallback)
    {
        var first = Argument.Split(' ', 2)[0];
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static bool IsNumber(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsDays(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && IsNumber(parts[0]) && parts[1].ToLowerInvariant() is "day" or "days" or "d";
    }
}
