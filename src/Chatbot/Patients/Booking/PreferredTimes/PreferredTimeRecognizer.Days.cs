namespace Chatbot.Patients.Booking.PreferredTimes;

/// <content>Day words: today, tomorrow, weekday names with this/next/last, weeks, weekends, "any day". Also the word lists and the shared helpers.</content>
internal sealed partial class PreferredTimeRecognizer
{
    private static readonly string[] WeekdayWords = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private static readonly string[] MonthWords =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static DayOfWeek? WeekdayOf(TimeToken token) =>
        token.Kind == TimeTokenKind.Word && Array.IndexOf(WeekdayWords, token.Word) is var index and >= 0 ? (DayOfWeek)index : null;

    private static int? MonthOf(TimeToken token) =>
        token.Kind == TimeTokenKind.Word && Array.IndexOf(MonthWords, token.Word) is var index and >= 0 ? index + 1 : null;

    private static DayPart? PartOf(TimeToken token) => token.Word switch
    {
        _ when token.Kind != TimeTokenKind.Word => null,
        "morning" => DayPart.Morning,
        "afternoon" => DayPart.Afternoon,
        "evening" => DayPart.Evening,
        "lunch" => DayPart.Lunch,
        _ => null,
    };

    private bool TryDay()
    {
        var token = Peek();
        switch (token.Word)
        {
            case "day" when Peek(1).Is("after") && Peek(2).Is("tomorrow"):
                return Consume(3, new DayPhrase(DayPhraseKind.DayAfterTomorrow));
            case "today":
                return Consume(1, new DayPhrase(DayPhraseKind.Today));
            case "tomorrow":
                return Consume(1, new DayPhrase(DayPhraseKind.Tomorrow));
            case "yesterday":
                return Consume(1, new DayPhrase(DayPhraseKind.Yesterday));
            case "tonight":
                return Tonight();
            case "anytime":
                return Consume(1, new DayPhrase(DayPhraseKind.AnyDay));
            case "weekday":
                return Consume(1, new DayPhrase(DayPhraseKind.Weekdays));
            case "any" or "every" when Peek(1).IsAny("day", "time"):
            case "first" or "next" when Peek(1).Is("available"):
                return Consume(2, new DayPhrase(DayPhraseKind.AnyDay));
            case "next" when Peek(1).Is("few") && Peek(2).Is("day"):
                return Consume(3, new DayPhrase(DayPhraseKind.AnyDay));
            case "every" when Peek(1).Is("week"):
                return Consume(2, new DayPhrase(DayPhraseKind.ThisWeek));
            case "in" when Peek(1) is { Kind: TimeTokenKind.Number, A: >= 1 and <= 366 } or { Word: "a" } && Peek(2).IsAny("day", "week"):
                var count = Peek(1).Kind == TimeTokenKind.Number ? Peek(1).A : 1;
                return Peek(2).Is("day")
                    ? Consume(3, new DayPhrase(DayPhraseKind.InDays, Count: count))
                    : Consume(3, new DayPhrase(DayPhraseKind.InWeeks, Count: Math.Min(count, 52)));
            default:
                return TryModifiedDay(token);
        }
    }

    private bool Tonight()
    {
        if (_negation != Negation.None)
        {
            return Consume(1, new DayPhrase(DayPhraseKind.Today));
        }

        Consume(1, new DayPhrase(DayPhraseKind.Today, Tonight: true));
        Add(new TimePhrase(TimePhraseKind.Part, DayPart.Evening));
        return true;
    }

    private bool TryModifiedDay(TimeToken token)
    {
        var (modifier, length, coming) =
            token.Is("this") && Peek(1).Is("coming") ? (WeekdayModifier.Coming, 2, true)
            : token.Is("this") ? (WeekdayModifier.This, 1, false)
            : token.Is("next") ? (WeekdayModifier.Next, 1, false)
            : token.Is("last") ? (WeekdayModifier.Last, 1, false)
            : token.Is("coming") ? (WeekdayModifier.Coming, 1, true)
            : (WeekdayModifier.None, 0, false);
        var head = Peek(length);
        if (WeekdayOf(head) is { } weekday)
        {
            return AddWeekday(weekday, modifier, length);
        }

        if (head.Is("week") && length > 0)
        {
            var kind = coming || modifier == WeekdayModifier.Next ? DayPhraseKind.NextWeek
                : modifier == WeekdayModifier.Last ? DayPhraseKind.LastWeek
                : DayPhraseKind.ThisWeek;
            return Consume(length + 1, new DayPhrase(kind));
        }

        if (head.Is("weekend"))
        {
            return Consume(length + 1, new DayPhrase(DayPhraseKind.Weekend, Modifier: coming ? WeekdayModifier.This : modifier));
        }

        if (modifier == WeekdayModifier.This && !coming && PartOf(head) is { } part)
        {
            Consume(2, new DayPhrase(DayPhraseKind.Today));
            Add(new TimePhrase(TimePhraseKind.Part, part));
            return true;
        }

        return false;
    }

    /// <summary>A weekday name; in a list ("next Tuesday or Wednesday") an unmodified name takes the modifier before it.</summary>
    private bool AddWeekday(DayOfWeek weekday, WeekdayModifier modifier, int modifierLength)
    {
        if (modifierLength == 0 && _lastWeekday is { } previous && _lastWeekdayEnd >= 0
            && _tokens.Skip(_lastWeekdayEnd).Take(_index - _lastWeekdayEnd).All(t => t.Kind == TimeTokenKind.Comma || t.IsAny("or", "and", "on")))
        {
            modifier = previous.Modifier;
        }

        var start = _index;
        _index += modifierLength + 1;
        var phrase = WithUntil(new DayPhrase(DayPhraseKind.Weekday, weekday, modifier), start);
        Add(phrase);
        (_lastWeekday, _lastWeekdayEnd) = (phrase, _index);
        return true;
    }

    private bool Consume(int length, DayPhrase day)
    {
        _index += length;
        Add(day);
        return true;
    }
}
