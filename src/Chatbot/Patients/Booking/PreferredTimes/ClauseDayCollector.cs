namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Which dates one clause's day phrases mean together: a weekday names a date rather than adds one ("Tuesday, Dec 1"),
/// weekdays and weeks combine ("Monday next week"), and "any day" or no day at all means the next open days.
/// </summary>
internal sealed class ClauseDayCollector(DayAvailability availability, DayPhraseDates phraseDates)
{
    private const int RangeDays = 5;
    private const int SearchDays = 92;

    public string? Collect(RequestClause clause, IReadOnlyList<MinuteSpan> spans, List<DayCandidate> into)
    {
        var dates = new List<DateOnly>();
        if (ResolveDates(clause, dates) is { } invalid)
        {
            return invalid;
        }

        var weeks = clause.Scopes.Select(phraseDates.WeekMonday).ToList();
        var weekdays = clause.Days.Where(p => p.Kind == DayPhraseKind.Weekday).ToList();
        if (weeks.Count == 0 && DropWeekdaysNamingADate(weekdays, dates) is { } wrongWeekday)
        {
            return wrongWeekday;
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
                    into.AddRange(phraseDates.RangeDates(phrase, weeks, spans).Select(date => new DayCandidate(date, phrase, true)));
                    break;
                case DayPhraseKind.Weekday when weeks.Count > 0 && DayPhraseDates.IsPlainOrThis(phrase):
                    into.AddRange(weeks.Select(week => new DayCandidate(week.AddDays(DayPhraseDates.DaysFromMonday(phrase.Weekday)), phrase, false)));
                    break;
                case DayPhraseKind.Weekend:
                    var weekendWeeks = weeks.Count > 0 ? weeks : [phraseDates.ThisMonday.AddDays(phrase.Modifier switch { WeekdayModifier.Next => 7, WeekdayModifier.Last => -7, _ => 0 })];
                    into.AddRange(weekendWeeks.SelectMany(week => new[] { week.AddDays(5), week.AddDays(6) }).Select(date => new DayCandidate(date, phrase, true)));
                    break;
                case DayPhraseKind.Weekdays:
                    (fill, weekdaysOnly) = (true, true);
                    break;
                case DayPhraseKind.AnyDay:
                    fill = true;
                    break;
                default:
                    if (phraseDates.SingleDate(phrase, spans) is { } single)
                    {
                        into.Add(new DayCandidate(single, phrase, false));
                    }

                    break;
            }
        }

        FillWeeksOrNextDays(clause, weeks, spans, fill, weekdaysOnly, into);
        return null;
    }

    /// <summary>The dates named outright ("Dec 3", "the 15th"), or the problem when one does not exist ("Feb 30").</summary>
    private string? ResolveDates(RequestClause clause, List<DateOnly> dates)
    {
        foreach (var phrase in clause.Days.Where(p => p.Kind is DayPhraseKind.Date or DayPhraseKind.DayOfMonth))
        {
            if (phraseDates.ResolveDate(phrase) is not { } date)
            {
                return PreferredTimeText.InvalidDate;
            }

            if (phrase.Until is { } until && DayPhraseDates.DateOnOrAfter(until, date) is null)
            {
                return PreferredTimeText.InvalidDate;
            }

            dates.Add(date);
        }

        if (clause.Scopes.Exists(scope => scope.Kind == DayPhraseKind.WeekOf && phraseDates.ResolveDate(scope with { Kind = DayPhraseKind.Date }) is null))
        {
            return PreferredTimeText.InvalidDate;
        }

        return null;
    }

    /// <summary>
    /// "Tuesday, December 1": the weekday only names the date, so it is dropped; "Monday, December 1" is a question to
    /// ask back (the returned problem).
    /// </summary>
    private static string? DropWeekdaysNamingADate(List<DayPhrase> weekdays, List<DateOnly> dates)
    {
        if (dates.Count == 0)
        {
            return null;
        }

        var plain = weekdays.Where(w => w is { Modifier: WeekdayModifier.None, Until: null }).ToList();
        var unmatched = plain.Where(w => !dates.Exists(d => d.DayOfWeek == w.Weekday)).ToList();
        if (dates.Count == 1 && weekdays.Count == 1 && unmatched.Count == 1)
        {
            return PreferredTimeText.WrongWeekday(dates[0], unmatched[0].Weekday);
        }

        weekdays.RemoveAll(w => plain.Contains(w) && !unmatched.Contains(w));
        return null;
    }

    /// <summary>Whole weeks ("next week", "any day next week"), or the next open days when no day was named ("any day", "mornings").</summary>
    private void FillWeeksOrNextDays(RequestClause clause, List<DateOnly> weeks, IReadOnlyList<MinuteSpan> spans, bool fill, bool weekdaysOnly, List<DayCandidate> into)
    {
        var named = clause.Days.Exists(p => p.Kind is DayPhraseKind.Weekday or DayPhraseKind.Weekend);
        if (weeks.Count > 0 && (fill || !named))
        {
            foreach (var (scope, week) in clause.Scopes.Zip(weeks))
            {
                into.AddRange(Enumerable.Range(0, 7).Select(week.AddDays)
                    .Where(date => (date >= availability.Today || scope.Kind == DayPhraseKind.LastWeek) && (!weekdaysOnly || DayPhraseDates.IsMondayToFriday(date)))
                    .Select(date => new DayCandidate(date, scope, true)));
            }
        }
        else if (fill || (clause.Days.Count == 0 && weeks.Count == 0))
        {
            NextOpenDays(weekdaysOnly, spans, clause.Days.FirstOrDefault() ?? new DayPhrase(DayPhraseKind.AnyDay), into);
        }
    }

    private void NextOpenDays(bool weekdaysOnly, IReadOnlyList<MinuteSpan> spans, DayPhrase source, List<DayCandidate> into)
    {
        var found = 0;
        for (var i = 0; i < SearchDays && found < RangeDays; i++)
        {
            var date = availability.Today.AddDays(i);
            if ((!weekdaysOnly || DayPhraseDates.IsMondayToFriday(date)) && availability.IsOpen(date, spans))
            {
                into.Add(new DayCandidate(date, source, true));
                found++;
            }
        }
    }
}
