using Chatbot.Patients;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>The clinic's week in its own time zone: open days, closed dates, opening hours, and local times as offsets.</summary>
internal sealed class ClinicCalendar
{
    private readonly HashSet<DayOfWeek> _openDays;
    private readonly HashSet<DateOnly> _closedDates;

    /// <exception cref="TimeZoneNotFoundException">The configured time zone is unknown on this machine.</exception>
    public ClinicCalendar(ClinicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _openDays = [.. options.OpenDays];
        _closedDates = [.. options.ClosedDates];
        OpeningHours = new MinuteSpan(ToMinutes(options.OpensAt), ToMinutes(options.ClosesAt));
        Hours = options.Hours;
        ClosedWeekdays = [.. Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7)).Where(day => !_openDays.Contains(day))];
    }

    public TimeZoneInfo Zone { get; }

    public MinuteSpan OpeningHours { get; }

    /// <summary>The opening hours in words, as configured ("Monday to Friday, 8 am to 5 pm").</summary>
    public string Hours { get; }

    /// <summary>Weekdays the clinic is closed, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> ClosedWeekdays { get; }

    public bool IsOpenWeekday(DayOfWeek day) => _openDays.Contains(day);

    public bool IsClosedDate(DateOnly date) => _closedDates.Contains(date);

    /// <summary>The clinic-local wall-clock time <paramref name="minutes"/> after midnight of <paramref name="date"/>, with that moment's offset.</summary>
    public DateTimeOffset At(DateOnly date, int minutes)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minutes);

        // A wall-clock time skipped by a spring-forward change does not exist; the first one after the gap stands in for it.
        for (var step = 0; step < 16 && Zone.IsInvalidTime(local); step++)
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static int ToMinutes(TimeOnly time) => (time.Hour * 60) + time.Minute;
}
