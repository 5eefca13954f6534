using static Chatbot.Patients.Booking.PreferredTimes.TimeWords;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Dates: "Dec 3", "3rd of December", "12/3", "2026-12-03", "the 15th", ranges and lists of them.</summary>
internal sealed class DateRecognizer(TokenCursor cursor, PreferredTimeRequestBuilder builder)
{
    public bool TryDate()
    {
        var start = cursor.Index;
        var token = cursor.Peek();
        if (token.Kind == TimeTokenKind.IsoDate)
        {
            cursor.Advance();
            return AddDate(new DayPhrase(DayPhraseKind.Date, Year: token.A, Month: token.B, Day: token.C), start);
        }

        if (token.Kind == TimeTokenKind.SlashDate)
        {
            cursor.Advance();
            return AddDate(SlashDate(token), start);
        }

        if (MonthOf(token) is { } month && DayNumber(1) is { } day)
        {
            cursor.Advance(2);
            return AddDate(new DayPhrase(DayPhraseKind.Date, Year: TakeYear(), Month: month, Day: day), start);
        }

        if (DayNumber(0) is { } number)
        {
            var of = cursor.Peek(1).Is("of") ? 1 : 0;
            if (MonthOf(cursor.Peek(1 + of)) is { } monthAfter)
            {
                cursor.Advance(2 + of);
                return AddDate(new DayPhrase(DayPhraseKind.Date, Year: TakeYear(), Month: monthAfter, Day: number), start);
            }

            if (token.Kind == TimeTokenKind.Ordinal)
            {
                cursor.Advance();
                return AddDate(new DayPhrase(DayPhraseKind.DayOfMonth, Day: number), start);
            }
        }

        if (token.Is("the") && DayNumber(1) is { } dayOfMonth && MonthOf(cursor.Peek(2)) is null && !(cursor.Peek(2).Is("of") && MonthOf(cursor.Peek(3)) is not null))
        {
            cursor.Advance(2);
            return AddDate(new DayPhrase(DayPhraseKind.DayOfMonth, Day: dayOfMonth), start);
        }

        return false;
    }

    /// <summary>
    /// "Monday to Wednesday", "Mon-Fri", "between Monday and Wednesday", "Dec 1-3", "Dec 28 to Jan 3": the day phrase
    /// just read, with the end of its range when one follows. Weekday ranges use it too.
    /// </summary>
    public DayPhrase WithUntil(DayPhrase start, int startIndex)
    {
        var join = cursor.Peek();
        if (!(join.Kind == TimeTokenKind.Dash || join.IsAny("to", "until") || (join.Is("and") && cursor.Peek(startIndex - cursor.Index - 1).Is("between"))))
        {
            return start;
        }

        if (start.Kind == DayPhraseKind.Weekday && WeekdayOf(cursor.Peek(1)) is { } lastDay)
        {
            cursor.Advance(2);
            return start with { Until = new DayPhrase(DayPhraseKind.Weekday, lastDay) };
        }

        if (start.Kind is not (DayPhraseKind.Date or DayPhraseKind.DayOfMonth))
        {
            return start;
        }

        if (MonthOf(cursor.Peek(1)) is { } month && DayNumber(2) is { } day)
        {
            cursor.Advance(3);
            return start with { Until = new DayPhrase(DayPhraseKind.Date, Year: TakeYear(), Month: month, Day: day) };
        }

        if (cursor.Peek(1).Kind == TimeTokenKind.SlashDate)
        {
            cursor.Advance(2);
            return start with { Until = SlashDate(cursor.Peek(-1)) };
        }

        if (DayNumber(1) is { } sameMonthDay)
        {
            cursor.Advance(2);
            return start with { Until = start.Kind == DayPhraseKind.Date ? start with { Day = sameMonthDay } : new DayPhrase(DayPhraseKind.DayOfMonth, Day: sameMonthDay) };
        }

        return start;
    }

    /// <summary>US month/day; only an impossible month with a possible day is read day/month ("31/12").</summary>
    private static DayPhrase SlashDate(TimeToken token)
    {
        var dayFirst = token.A > 12 && token.B <= 12;
        return new DayPhrase(DayPhraseKind.Date, Year: token.C, Month: dayFirst ? token.B : token.A, Day: dayFirst ? token.A : token.B);
    }

    /// <summary>Adds a date just read, with what may follow it: "- Dec 3", "to 3", "or 2", and "the week of" before it.</summary>
    private bool AddDate(DayPhrase date, int start)
    {
        date = WithUntil(date, start);
        var weekOf = cursor.Peek(start - cursor.Index - 1).Is("of") && cursor.Peek(start - cursor.Index - 2).Is("week");
        builder.Add(weekOf ? date with { Kind = DayPhraseKind.WeekOf } : date);
        while (date is { Kind: DayPhraseKind.Date, Until: null } && (cursor.Peek().IsAny("or", "and") || cursor.Peek().Kind == TimeTokenKind.Comma) && DayNumber(1) is { } more)
        {
            // "December 1 or 2", "Dec 1, 2 and 3"
            cursor.Advance(2);
            builder.Add(date with { Day = more });
        }

        return true;
    }

    private int? DayNumber(int offset)
    {
        var token = cursor.Peek(offset);
        return token.Kind is TimeTokenKind.Number or TimeTokenKind.Ordinal && token.A is >= 1 and <= 31 && !cursor.Peek(offset + 1).IsAny("am", "pm", "oclock")
            ? token.A
            : null;
    }

    private int TakeYear()
    {
        var comma = cursor.Peek().Kind == TimeTokenKind.Comma ? 1 : 0;
        var token = cursor.Peek(comma);
        if (token.Kind != TimeTokenKind.Number || token.A is < 1900 or > 2199)
        {
            return 0;
        }

        cursor.Advance(comma + 1);
        return token.A;
    }
}
