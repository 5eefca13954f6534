using static Chatbot.Patients.Booking.PreferredTimes.TimeWords;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Day words: today, tomorrow, weekday names with this/next/last, weeks, weekends, "any day".</summary>
internal sealed class DayRecognizer(TokenCursor cursor, PreferredTimeRequestBuilder builder, NegationState negation, DateRecognizer dates)
{
    private DayPhrase? _lastWeekday;
    private int _lastWeekdayEnd = -1;

    public bool TryDay()
    {
        var token = cursor.Peek();
        switch (token.Word)
        {
            case "day" when cursor.Peek(1).Is("after") && cursor.Peek(2).Is("tomorrow"):
                return builder.Consume(3, new DayPhrase(DayPhraseKind.DayAfterTomorrow));
            case "today":
                return builder.Consume(1, new DayPhrase(DayPhraseKind.Today));
            case "tomorrow":
                return builder.Consume(1, new DayPhrase(DayPhraseKind.Tomorrow));
            case "yesterday":
                return builder.Consume(1, new DayPhrase(DayPhraseKind.Yesterday));
            case "tonight":
                return Tonight();
            case "anytime":
                return builder.Consume(1, new DayPhrase(DayPhraseKind.AnyDay));
            case "weekday":
                return builder.Consume(1, new DayPhrase(DayPhraseKind.Weekdays));
            case "any" or "every" when cursor.Peek(1).IsAny("day", "time"):
            case "first" or "next" when cursor.Peek(1).Is("available"):
                return builder.Consume(2, new DayPhrase(DayPhraseKind.AnyDay));
            case "next" when cursor.Peek(1).Is("few") && cursor.Peek(2).Is("day"):
                return builder.Consume(3, new DayPhrase(DayPhraseKind.AnyDay));
            case "every" when cursor.Peek(1).Is("week"):
                return builder.Consume(2, new DayPhrase(DayPhraseKind.ThisWeek));
            case "in" when cursor.Peek(1) is { Kind: TimeTokenKind.Number, A: >= 1 and <= 366 } or { Word: "a" } && cursor.Peek(2).IsAny("day", "week"):
                var count = cursor.Peek(1).Kind == TimeTokenKind.Number ? cursor.Peek(1).A : 1;
                return cursor.Peek(2).Is("day")
                    ? builder.Consume(3, new DayPhrase(DayPhraseKind.InDays, Count: count))
                    : builder.Consume(3, new DayPhrase(DayPhraseKind.InWeeks, Count: Math.Min(count, 52)));
            default:
                return TryModifiedDay(token);
        }
    }

    private bool Tonight()
    {
        if (!negation.IsNone)
        {
            return builder.Consume(1, new DayPhrase(DayPhraseKind.Today));
        }

        builder.Consume(1, new DayPhrase(DayPhraseKind.Today, Tonight: true));
        builder.Add(new TimePhrase(TimePhraseKind.Part, DayPart.Evening));
        return true;
    }

    private bool TryModifiedDay(TimeToken token)
    {
        var (modifier, length, coming) =
            token.Is("this") && cursor.Peek(1).Is("coming") ? (WeekdayModifier.Coming, 2, true)
            : token.Is("this") ? (WeekdayModifier.This, 1, false)
            : token.Is("next") ? (WeekdayModifier.Next, 1, false)
            : token.Is("last") ? (WeekdayModifier.Last, 1, false)
            : token.Is("coming") ? (WeekdayModifier.Coming, 1, true)
            : (WeekdayModifier.None, 0, false);
        var head = cursor.Peek(length);
        if (WeekdayOf(head) is { } weekday)
        {
            return AddWeekday(weekday, modifier, length);
        }

        if (head.Is("week") && length > 0)
        {
            var kind = coming || modifier == WeekdayModifier.Next ? DayPhraseKind.NextWeek
                : modifier == WeekdayModifier.Last ? DayPhraseKind.LastWeek
                : DayPhraseKind.ThisWeek;
            return builder.Consume(length + 1, new DayPhrase(kind));
        }

        if (head.Is("weekend"))
        {
            return builder.Consume(length + 1, new DayPhrase(DayPhraseKind.Weekend, Modifier: coming ? WeekdayModifier.This : modifier));
        }

        if (modifier == WeekdayModifier.This && !coming && PartOf(head) is { } part)
        {
            builder.Consume(2, new DayPhrase(DayPhraseKind.Today));
            builder.Add(new TimePhrase(TimePhraseKind.Part, part));
            return true;
        }

        return false;
    }

    /// <summary>A weekday name; in a list ("next Tuesday or Wednesday") an unmodified name takes the modifier before it.</summary>
    private bool AddWeekday(DayOfWeek weekday, WeekdayModifier modifier, int modifierLength)
    {
        if (modifierLength == 0 && _lastWeekday is { } previous && _lastWeekdayEnd >= 0
            && cursor.Between(_lastWeekdayEnd, cursor.Index).All(t => t.Kind == TimeTokenKind.Comma || t.IsAny("or", "and", "on")))
        {
            modifier = previous.Modifier;
        }

        var start = cursor.Index;
        cursor.Advance(modifierLength + 1);
        var phrase = dates.WithUntil(new DayPhrase(DayPhraseKind.Weekday, weekday, modifier), start);
        builder.Add(phrase);
        (_lastWeekday, _lastWeekdayEnd) = (phrase, cursor.Index);
        return true;
    }
}
