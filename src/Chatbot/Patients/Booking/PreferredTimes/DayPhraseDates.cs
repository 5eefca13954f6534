namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Which dates a day phrase names, counted from today: "Tuesday", "next week", "Dec 3", "the 15th", "Mon-Wed".</summary>
internal sealed class DayPhraseDates
{
    private const int YearsAway = 5;

    private readonly ClinicCalendar _calendar;
    private readonly DayAvailability _availability;
    private readonly DateOnly _today;

    public DayPhraseDates(ClinicCalendar calendar, DayAvailability availability)
    {
        (_calendar, _availability, _today) = (calendar, availability, availability.Today);
        ThisMonday = MondayOf(_today);
    }

    /// <summary>The Monday of the current week (weeks run Monday to Sunday).</summary>
    public DateOnly ThisMonday { get; }

    /// <summary>The one date a phrase names, if it names one.</summary>
    public DateOnly? SingleDate(DayPhrase phrase, IReadOnlyList<MinuteSpan> spans) => phrase.Kind switch
    {
        DayPhraseKind.Today => _today,
        DayPhraseKind.Tomorrow => _today.AddDays(1),
        DayPhraseKind.DayAfterTomorrow => _today.AddDays(2),
        DayPhraseKind.Yesterday => _today.AddDays(-1),
        DayPhraseKind.InDays => _today.AddDays(phrase.Count),
        DayPhraseKind.Date or DayPhraseKind.DayOfMonth => ResolveDate(phrase),
        DayPhraseKind.Weekday => ResolveWeekday(phrase, spans),
        _ => null,
    };

    /// <summary>
    /// "Tuesday": the next Tuesday, today if it is Tuesday and the wanted time is still ahead. "this Tuesday": the
    /// next Tuesday, today included. "next Tuesday": the Tuesday of next week. "last Tuesday": of last week.
    /// </summary>
    private DateOnly ResolveWeekday(DayPhrase phrase, IReadOnlyList<MinuteSpan> spans)
    {
        var ahead = ((int)phrase.Weekday - (int)_today.DayOfWeek + 7) % 7;
        return phrase.Modifier switch
        {
            WeekdayModifier.Next => ThisMonday.AddDays(7 + DaysFromMonday(phrase.Weekday)),
            WeekdayModifier.Last => ThisMonday.AddDays(-7 + DaysFromMonday(phrase.Weekday)),
            WeekdayModifier.This => _today.AddDays(ahead),
            WeekdayModifier.Coming => _today.AddDays(ahead == 0 ? 7 : ahead),
            _ => ahead == 0 && !_availability.IsOpen(_today, spans) ? _today.AddDays(7) : _today.AddDays(ahead),
        };
    }

    /// <summary>A date without a year is the occurrence nearest to today; "the 15th" is the next 15th from today on.</summary>
    public DateOnly? ResolveDate(DayPhrase phrase)
    {
        if (phrase.Kind == DayPhraseKind.DayOfMonth)
        {
            var month = new DateOnly(_today.Year, _today.Month, 1);
            for (var i = 0; i <= 12; i++, month = month.AddMonths(1))
            {
                if (Create(month.Year, month.Month, phrase.Day) is { } date && date >= _today)
                {
                    return date;
                }
            }

            return null;
        }

        if (phrase.Year < 0 || phrase.Month is < 1 or > 12 || phrase.Day < 1)
        {
            return null;
        }

        if (phrase.Year > 0)
        {
            return Math.Abs(phrase.Year - _today.Year) > YearsAway ? null : Create(phrase.Year, phrase.Month, phrase.Day);
        }

        DateOnly? nearest = null;
        for (var year = _today.Year - 1; year <= _today.Year + 1; year++)
        {
            if (Create(year, phrase.Month, phrase.Day) is { } date
                && (nearest is null || Math.Abs(date.DayNumber - _today.DayNumber) <= Math.Abs(nearest.Value.DayNumber - _today.DayNumber)))
            {
                nearest = date;
            }
        }

        return nearest;
    }

    /// <summary>"this week" is today to Sunday, or the coming week when no opening time is left in this one (weekends).</summary>
    public DateOnly WeekMonday(DayPhrase scope) => scope.Kind switch
    {
        DayPhraseKind.ThisWeek => Enumerable.Range(0, 7).Select(ThisMonday.AddDays)
            .Any(date => date >= _today && _availability.IsOpen(date, [_calendar.OpeningHours])) ? ThisMonday : ThisMonday.AddDays(7),
        DayPhraseKind.NextWeek => ThisMonday.AddDays(7),
        DayPhraseKind.LastWeek => ThisMonday.AddDays(-7),
        DayPhraseKind.WeekOf => ResolveDate(scope with { Kind = DayPhraseKind.Date }) is { } date ? MondayOf(date) : ThisMonday,
        _ => MondayOf(_today.AddDays(7 * scope.Count)),
    };

    /// <summary>"Monday to Wednesday" (in each scoped week, else from the next Monday), "Dec 1-3": at most a month.</summary>
    public IEnumerable<DateOnly> RangeDates(DayPhrase phrase, IReadOnlyList<DateOnly> weeks, IReadOnlyList<MinuteSpan> spans)
    {
        var starts = phrase.Kind == DayPhraseKind.Weekday && weeks.Count > 0 && IsPlainOrThis(phrase)
            ? weeks.Select(week => week.AddDays(DaysFromMonday(phrase.Weekday))).ToList()
            : [.. new[] { SingleDate(phrase with { Until = null }, spans) }.OfType<DateOnly>()];
        foreach (var start in starts)
        {
            var end = phrase.Until!.Kind == DayPhraseKind.Weekday
                ? start.AddDays(((int)phrase.Until.Weekday - (int)start.DayOfWeek + 7) % 7)
                : DateOnOrAfter(phrase.Until, start);
            for (var date = start; end is not null && date <= end && date.DayNumber - start.DayNumber < 31; date = date.AddDays(1))
            {
                yield return date;
            }
        }
    }

    /// <summary>The end of a date range: the first such date on or after its start ("Dec 28 - Jan 3" crosses the year).</summary>
    public static DateOnly? DateOnOrAfter(DayPhrase until, DateOnly start)
    {
        var month = new DateOnly(start.Year, start.Month, 1);
        for (var i = 0; i <= 12; i++, month = month.AddMonths(1))
        {
            var candidate = until.Kind == DayPhraseKind.DayOfMonth ? Create(month.Year, month.Month, until.Day)
                : until.Month is >= 1 and <= 12 && until.Day >= 1 && (until.Year <= 0 || until.Year == month.Year) && month.Month == until.Month
                    ? Create(month.Year, until.Month, until.Day)
                    : null;
            if (candidate >= start)
            {
                return candidate;
            }
        }

        return null;
    }

    private static DateOnly? Create(int year, int month, int day) => day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    public static bool IsPlainOrThis(DayPhrase phrase) => phrase.Modifier is WeekdayModifier.None or WeekdayModifier.This or WeekdayModifier.Coming;

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static int DaysFromMonday(DayOfWeek day) => ((int)day + 6) % 7;

    public static bool IsMondayToFriday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
