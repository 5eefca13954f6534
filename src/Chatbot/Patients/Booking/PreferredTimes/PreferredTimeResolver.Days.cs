namespace Chatbot.Patients.Booking.PreferredTimes;

/// <content>Which dates a clause's day phrases mean.</content>
internal sealed partial class PreferredTimeResolver
{
    private string? CollectDays(RequestClause clause, IReadOnlyList<MinuteSpan> spans, List<Candidate> into)
    {
        var dates = new List<DateOnly>();
        foreach (var phrase in clause.Days.Where(p => p.Kind is DayPhraseKind.Date or DayPhraseKind.DayOfMonth))
        {
            if (ResolveDate(phrase) is not { } date)
            {
                return PreferredTimeText.InvalidDate;
            }

            if (phrase.Until is { } until && DateOnOrAfter(until, date) is null)
            {
                return PreferredTimeText.InvalidDate;
            }

            dates.Add(date);
        }

        if (clause.Scopes.Exists(scope => scope.Kind == DayPhraseKind.WeekOf && ResolveDate(scope with { Kind = DayPhraseKind.Date }) is null))
        {
            return PreferredTimeText.InvalidDate;
        }

        var weeks = clause.Scopes.Select(WeekMonday).ToList();
        var weekdays = clause.Days.Where(p => p.Kind == DayPhraseKind.Weekday).ToList();
        if (weeks.Count == 0 && dates.Count > 0)
        {
            // "Tuesday, December 1": the weekday only names the date; "Monday, December 1" is a question to ask back.
            var plain = weekdays.Where(w => w is { Modifier: WeekdayModifier.None, Until: null }).ToList();
            var unmatched = plain.Where(w => !dates.Exists(d => d.DayOfWeek == w.Weekday)).ToList();
            if (dates.Count == 1 && weekdays.Count == 1 && unmatched.Count == 1)
            {
                return PreferredTimeText.WrongWeekday(dates[0], unmatched[0].Weekday);
            }

            weekdays.RemoveAll(w => plain.Contains(w) && !unmatched.Contains(w));
        }

        var fill = false;
        var weekdaysOnly = false;
        foreach (var phrase in clause.Days)
        {
            switch (phrase.Kind)
            {
                case DayPhraseKind.Weekday when !weekdays.Contains(phrase):
                    break;
                case var _ when phrase.Until is not null:
                    into.AddRange(RangeDates(phrase, weeks, spans).Select(date => new Candidate(date, phrase, true)));
                    break;
                case DayPhraseKind.Weekday when weeks.Count > 0 && IsPlainOrThis(phrase):
                    into.AddRange(weeks.Select(week => new Candidate(week.AddDays(DaysFromMonday(phrase.Weekday)), phrase, false)));
                    break;
                case DayPhraseKind.Weekend:
                    var weekendWeeks = weeks.Count > 0 ? weeks : [_thisMonday.AddDays(phrase.Modifier switch { WeekdayModifier.Next => 7, WeekdayModifier.Last => -7, _ => 0 })];
                    into.AddRange(weekendWeeks.SelectMany(week => new[] { week.AddDays(5), week.AddDays(6) }).Select(date => new Candidate(date, phrase, true)));
                    break;
                case DayPhraseKind.Weekdays:
                    (fill, weekdaysOnly) = (true, true);
                    break;
                case DayPhraseKind.AnyDay:
                    fill = true;
                    break;
                default:
                    if (SingleDate(phrase, spans) is { } single)
                    {
                        into.Add(new Candidate(single, phrase, false));
                    }

                    break;
            }
        }

        var named = clause.Days.Exists(p => p.Kind is DayPhraseKind.Weekday or DayPhraseKind.Weekend);
        if (weeks.Count > 0 && (fill || !named))
        {
            foreach (var (scope, week) in clause.Scopes.Zip(weeks))
            {
                into.AddRange(Enumerable.Range(0, 7).Select(week.AddDays)
                    .Where(date => (date >= _today || scope.Kind == DayPhraseKind.LastWeek) && (!weekdaysOnly || IsMondayToFriday(date)))
                    .Select(date => new Candidate(date, scope, true)));
            }
        }
        else if (fill || (clause.Days.Count == 0 && weeks.Count == 0))
        {
            NextOpenDays(weekdaysOnly, spans, clause.Days.FirstOrDefault() ?? new DayPhrase(DayPhraseKind.AnyDay), into);
        }

        return null;
    }

    private static bool IsPlainOrThis(DayPhrase phrase) => phrase.Modifier is WeekdayModifier.None or WeekdayModifier.This or WeekdayModifier.Coming;

    /// <summary>"Monday to Wednesday" (in each scoped week, else from the next Monday), "Dec 1-3": at most a month.</summary>
    private IEnumerable<DateOnly> RangeDates(DayPhrase phrase, IReadOnlyList<DateOnly> weeks, IReadOnlyList<MinuteSpan> spans)
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
    private static DateOnly? DateOnOrAfter(DayPhrase until, DateOnly start)
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

    /// <summary>The one date a phrase names, if it names one.</summary>
    private DateOnly? SingleDate(DayPhrase phrase, IReadOnlyList<MinuteSpan> spans) => phrase.Kind switch
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
            WeekdayModifier.Next => _thisMonday.AddDays(7 + DaysFromMonday(phrase.Weekday)),
            WeekdayModifier.Last => _thisMonday.AddDays(-7 + DaysFromMonday(phrase.Weekday)),
            WeekdayModifier.This => _today.AddDays(ahead),
            WeekdayModifier.Coming => _today.AddDays(ahead == 0 ? 7 : ahead),
            _ => ahead == 0 && Check(_today, spans, out _) != DayStatus.Open ? _today.AddDays(7) : _today.AddDays(ahead),
        };
    }

    /// <summary>A date without a year is the occurrence nearest to today; "the 15th" is the next 15th from today on.</summary>
    private DateOnly? ResolveDate(DayPhrase phrase)
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

    private static DateOnly? Create(int year, int month, int day) => day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>"this week" is today to Sunday, or the coming week when no opening time is left in this one (weekends).</summary>
    private DateOnly WeekMonday(DayPhrase scope) => scope.Kind switch
    {
        DayPhraseKind.ThisWeek => Enumerable.Range(0, 7).Select(_thisMonday.AddDays)
            .Any(date => date >= _today && Check(date, [_calendar.OpeningHours], out _) == DayStatus.Open) ? _thisMonday : _thisMonday.AddDays(7),
        DayPhraseKind.NextWeek => _thisMonday.AddDays(7),
        DayPhraseKind.LastWeek => _thisMonday.AddDays(-7),
        DayPhraseKind.WeekOf => ResolveDate(scope with { Kind = DayPhraseKind.Date }) is { } date ? MondayOf(date) : _thisMonday,
        _ => MondayOf(_today.AddDays(7 * scope.Count)),
    };

    private void NextOpenDays(bool weekdaysOnly, IReadOnlyList<MinuteSpan> spans, DayPhrase source, List<Candidate> into)
    {
        var found = 0;
        for (var i = 0; i < SearchDays && found < RangeDays; i++)
        {
            var date = _today.AddDays(i);
            if ((!weekdaysOnly || IsMondayToFriday(date)) && Check(date, spans, out _) == DayStatus.Open)
            {
                into.Add(new Candidate(date, source, true));
                found++;
            }
        }
    }

    private void Exclude(DayPhrase phrase)
    {
        switch (phrase.Kind)
        {
            case DayPhraseKind.Weekday when phrase.Until is { } until && IsPlainOrThis(phrase):
                for (var day = phrase.Weekday; ; day = (DayOfWeek)(((int)day + 1) % 7))
                {
                    _excludedWeekdays.Add(day);
                    if (day == until.Weekday)
                    {
                        break;
                    }
                }

                break;
            case var _ when phrase.Until is not null:
                _excludedDates.UnionWith(RangeDates(phrase, [], [_calendar.OpeningHours]));
                break;
            case DayPhraseKind.Weekday when IsPlainOrThis(phrase):
                _excludedWeekdays.Add(phrase.Weekday);
                break;
            case DayPhraseKind.Weekend:
                _excludedWeekdays.UnionWith([DayOfWeek.Saturday, DayOfWeek.Sunday]);
                break;
            case DayPhraseKind.Weekdays:
                _excludedWeekdays.UnionWith([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
                break;
            case DayPhraseKind.AnyDay:
                break;
            case var _ when phrase.IsWeekScope:
                _excludedDates.UnionWith(Enumerable.Range(0, 7).Select(WeekMonday(phrase).AddDays));
                break;
            default:
                if (SingleDate(phrase, [_calendar.OpeningHours]) is { } date)
                {
                    _excludedDates.Add(date);
                }

                break;
        }
    }
}
