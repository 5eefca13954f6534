namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Whether a date is open for the wanted times at one moment: not past, a clinic day, not ruled out by the patient,
/// and, today, with time still left after the next quarter hour.
/// </summary>
internal sealed class DayAvailability
{
    private readonly ClinicCalendar _calendar;
    private readonly int _earliestToday;

    /// <param name="calendar">The clinic calendar.</param>
    /// <param name="localNow">Now, in the clinic's time zone.</param>
    public DayAvailability(ClinicCalendar calendar, DateTimeOffset localNow)
    {
        _calendar = calendar;
        Today = DateOnly.FromDateTime(localNow.DateTime);
        NowMinutes = (localNow.Hour * 60) + localNow.Minute;

        // Today's spans start at the next quarter hour: nobody can be seen at 10:07, and 16:50 leaves no time.
        var startedMinute = localNow.TimeOfDay.Ticks % TimeSpan.TicksPerMinute > 0 ? 1 : 0;
        _earliestToday = (NowMinutes + startedMinute + 14) / 15 * 15;
    }

    public DateOnly Today { get; }

    /// <summary>Minutes since midnight now, for "that time has passed" messages.</summary>
    public int NowMinutes { get; }

    /// <summary>Dates the patient ruled out ("not tomorrow", "except Dec 3").</summary>
    public HashSet<DateOnly> ExcludedDates { get; } = [];

    /// <summary>Weekdays the patient ruled out ("not Fridays", "no weekends").</summary>
    public HashSet<DayOfWeek> ExcludedWeekdays { get; } = [];

    public DayStatus Check(DateOnly date, IReadOnlyList<MinuteSpan> spans, out IReadOnlyList<MinuteSpan> available)
    {
        available = [];
        if (date < Today)
        {
            return DayStatus.Past;
        }

        if (!_calendar.IsOpenWeekday(date.DayOfWeek))
        {
            return DayStatus.ClosedWeekday;
        }

        if (_calendar.IsClosedDate(date))
        {
            return DayStatus.ClosedDate;
        }

        if (ExcludedDates.Contains(date) || ExcludedWeekdays.Contains(date.DayOfWeek))
        {
            return DayStatus.Excluded;
        }

        available = date == Today ? MinuteSpan.Intersect(spans, new MinuteSpan(_earliestToday, MinuteSpan.Day.End)) : spans;
        return available.Count > 0 ? DayStatus.Open
            : _earliestToday >= _calendar.OpeningHours.End ? DayStatus.ClosedForToday
            : DayStatus.TimePassed;
    }

    public bool IsOpen(DateOnly date, IReadOnlyList<MinuteSpan> spans) => Check(date, spans, out _) == DayStatus.Open;
}
