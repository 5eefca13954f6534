namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// The one-line summary of a clause for the confirmation and for staff: one day in full with its times
/// ("Tuesday, December 1 (afternoon, 12–5 pm)"), a few named days ("Wednesday, November 25 or Monday, November 30
/// (morning, 8 am–12 pm)"), or a range ("weekday mornings, Nov 30 – Dec 4, except Dec 3").
/// </summary>
internal sealed class PreferredTimeDescriber(ClinicCalendar calendar, DateOnly today)
{
    public string Describe(TimePlan plan, IReadOnlyList<ResolvedDay> days, bool isRange)
    {
        if (days.Count == 1)
        {
            var date = days[0].Date;
            var relative = date == today ? "today, " : date == today.AddDays(1) ? "tomorrow, " : string.Empty;
            return $"{PreferredTimeText.LongDate(date)} ({relative}{TimeLabel(plan, days[0].Spans)})";
        }

        if (isRange && RangeLabel(plan, days) is { } range)
        {
            return range;
        }

        var dates = days.Count == 2
            ? $"{PreferredTimeText.LongDate(days[0].Date)} or {PreferredTimeText.LongDate(days[1].Date)}"
            : string.Join(", ", days.Take(days.Count - 1).Select(d => ShortDay(d.Date))) + " or " + ShortDay(days[^1].Date);
        return $"{dates} ({TimeLabel(plan, plan.Spans)})";
    }

    private string TimeLabel(TimePlan plan, IReadOnlyList<MinuteSpan> spans)
    {
        var ranges = Ranges(spans);
        if (plan.NameOnly && plan.Name is not null)
        {
            return plan.Name;
        }

        if (plan.Name is not null)
        {
            return $"{plan.Name}, {ranges}";
        }

        return !plan.HasPhrases && spans.Count == 1 && spans[0] == calendar.OpeningHours ? $"any time, {ranges}" : ranges;
    }

    /// <summary>The range as first – last, or <see langword="null"/> when more than two open days inside it are left out.</summary>
    private string? RangeLabel(TimePlan plan, IReadOnlyList<ResolvedDay> days)
    {
        var weekdaysOnly = days.All(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var head = plan.Plural is { } plural ? (weekdaysOnly ? $"weekday {plural}" : plural)
            : plan.Name is { } name ? (weekdaysOnly ? $"weekdays {name}" : $"any day {name}")
            : plan.HasPhrases ? (weekdaysOnly ? $"weekdays {Ranges(plan.Spans)}" : Ranges(plan.Spans))
            : weekdaysOnly ? "any weekday" : "any day";
        var first = days[0].Date;
        var last = days[^1].Date;
        var gaps = Enumerable.Range(1, last.DayNumber - first.DayNumber)
            .Select(first.AddDays)
            .Where(date => calendar.IsOpenWeekday(date.DayOfWeek) && !days.Any(d => d.Date == date))
            .Select(PreferredTimeText.ShortDate)
            .ToList();
        if (gaps.Count > 2)
        {
            return null;
        }

        var except = gaps.Count == 0 ? string.Empty : ", except " + PreferredTimeText.JoinAnd(gaps);
        return $"{head}, {PreferredTimeText.ShortDate(first)} – {PreferredTimeText.ShortDate(last)}{except}";
    }

    private static string Ranges(IReadOnlyList<MinuteSpan> spans) => string.Join(" and ", spans.Select(PreferredTimeText.FormatRange));

    private static string ShortDay(DateOnly date) => date.ToString("ddd MMM d", PreferredTimeText.English);
}
