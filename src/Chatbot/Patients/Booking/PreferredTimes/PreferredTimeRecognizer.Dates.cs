namespace Chatbot.Patients.Booking.PreferredTimes;

/// <content>Dates: "Dec 3", "3rd of December", "12/3", "2026-12-03", "the 15th", ranges and lists of them.</content>
internal sealed partial class PreferredTimeRecognizer
{
    private bool TryDate()
    {
        var start = _index;
        var token = Peek();
        if (token.Kind == TimeTokenKind.IsoDate)
        {
            _index++;
            return AddDate(new DayPhrase(DayPhraseKind.Date, Year: token.A, Month: token.B, Day: token.C), start);
        }

        if (token.Kind == TimeTokenKind.SlashDate)
        {
            _index++;
            return AddDate(SlashDate(token), start);
        }

        if (MonthOf(token) is { } month && DayNumber(1) is { } day)
        {
            _index += 2;
            return AddDate(new DayPhrase(DayPhraseKind.Date, Year: TakeYear(), Month: month, Day: day), start);
        }

        if (DayNumber(0) is { } number)
        {
            var of = Peek(1).Is("of") ? 1 : 0;
            if (MonthOf(Peek(1 + of)) is { } monthAfter)
            {
                _index += 2 + of;
                return AddDate(new DayPhrase(DayPhraseKind.Date, Year: TakeYear(), Month: monthAfter, Day: number), start);
            }

            if (token.Kind == TimeTokenKind.Ordinal)
            {
                _index++;
                return AddDate(new DayPhrase(DayPhraseKind.DayOfMonth, Day: number), start);
            }
        }

        if (token.Is("the") && DayNumber(1) is { } dayOfMonth && MonthOf(Peek(2)) is null && !(Peek(2).Is("of") && MonthOf(Peek(3)) is not null))
        {
            _index += 2;
            return AddDate(new DayPhrase(DayPhraseKind.DayOfMonth, Day: dayOfMonth), start);
        }

        return false;
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
        var weekOf = Peek(start - _index - 1).Is("of") && Peek(start - _index - 2).Is("week");
        Add(weekOf ? date with { Kind = DayPhraseKind.WeekOf } : date);
        while (date is { Kind: DayPhraseKind.Date, Until: null } && (Peek().IsAny("or", "and") || Peek().Kind == TimeTokenKind.Comma) && DayNumber(1) is { } more)
        {
            // "December 1 or 2", "Dec 1, 2 and 3"
            _index += 2;
            Add(date with { Day = more });
        }

        return true;
    }

    /// <summary>"Monday to Wednesday", "Mon-Fri", "between Monday and Wednesday", "Dec 1-3", "Dec 28 to Jan 3".</summary>
    private DayPhrase WithUntil(DayPhrase start, int startIndex)
    {
        var join = Peek();
        if (!(join.Kind == TimeTokenKind.Dash || join.IsAny("to", "until") || (join.Is("and") && Peek(startIndex - _index - 1).Is("between"))))
        {
            return start;
        }

        if (start.Kind == DayPhraseKind.Weekday && WeekdayOf(Peek(1)) is { } lastDay)
        {
            _index += 2;
            return start with { Until = new DayPhrase(DayPhraseKind.Weekday, lastDay) };
        }

        if (start.Kind is not (DayPhraseKind.Date or DayPhraseKind.DayOfMonth))
        {
            return start;
        }

        if (MonthOf(Peek(1)) is { } month && DayNumber(2) is { } day)
        {
            _index += 3;
            return start with { Until = new DayPhrase(DayPhraseKind.Date, Year: TakeYear(), Month: month, Day: day) };
        }

        if (Peek(1).Kind == TimeTokenKind.SlashDate)
        {
            _index += 2;
            return start with { Until = SlashDate(_tokens[_index - 1]) };
        }

        if (DayNumber(1) is { } sameMonthDay)
        {
            _index += 2;
            return start with { Until = start.Kind == DayPhraseKind.Date ? start with { Day = sameMonthDay } : new DayPhrase(DayPhraseKind.DayOfMonth, Day: sameMonthDay) };
        }

        return start;
    }

    private int? DayNumber(int offset)
    {
        var token = Peek(offset);
        return token.Kind is TimeTokenKind.Number or TimeTokenKind.Ordinal && token.A is >= 1 and <= 31 && !Peek(offset + 1).IsAny("am", "pm", "oclock")
            ? token.A
            : null;
    }

    private int TakeYear()
    {
        var comma = Peek().Kind == TimeTokenKind.Comma ? 1 : 0;
        var token = Peek(comma);
        if (token.Kind != TimeTokenKind.Number || token.A is < 1900 or > 2199)
        {
            return 0;
        }

        _index += comma + 1;
        return token.A;
    }
}
