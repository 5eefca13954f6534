using System.Globalization;
using Microsoft.Extensions.Options;

namespace Chatbot.Patients;

/// <summary>The clinic's local time and opening hours, and how times are written for patients and staff.</summary>
public sealed class ClinicClock(IOptions<ClinicOptions> options, TimeProvider timeProvider)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>Now, in the clinic's time zone.</summary>
    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), _zone);

    /// <summary><paramref name="time"/> in the clinic's time zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, _zone);

    /// <summary>A time for staff pages: <c>2026-12-07 09:15 CT</c> (clinic time, with its zone).</summary>
    public string StaffTime(DateTimeOffset time) =>
        ToLocal(time).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + options.Value.TimeZoneAbbreviation;

    /// <summary>A time of day for staff: <c>09:15 CT</c>.</summary>
    public string StaffTimeOfDay(DateTimeOffset time) =>
        ToLocal(time).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + options.Value.TimeZoneAbbreviation;

    /// <summary>A time for Teams cards: <c>Mon Dec 7, 9:15 AM CT</c>.</summary>
    public string CardTime(DateTimeOffset time) =>
        ToLocal(time).ToString("ddd MMM d, h:mm tt", English) + " " + options.Value.TimeZoneAbbreviation;

    /// <summary>True when the clinic is open now (open day, not a closed date, within opening hours).</summary>
    public bool IsOpenNow()
    {
        var clinic = options.Value;
        var now = LocalNow;
        var time = TimeOnly.FromDateTime(now.DateTime);
        return IsOpenDay(DateOnly.FromDateTime(now.DateTime)) && time >= clinic.OpensAt && time < clinic.ClosesAt;
    }

    /// <summary>The next time the clinic opens after now (clinic time), or null when no open day comes within 60 days.</summary>
    public DateTimeOffset? NextOpening()
    {
        var now = LocalNow;
        var today = DateOnly.FromDateTime(now.DateTime);
        for (var days = 0; days <= 60; days++)
        {
            var date = today.AddDays(days);
            var opening = date.ToDateTime(options.Value.OpensAt);
            if (IsOpenDay(date) && opening > now.DateTime)
            {
                return new DateTimeOffset(opening, _zone.GetUtcOffset(opening));
            }
        }

        return null;
    }

    /// <summary>
    /// When the clinic opens next, for a patient: <c>today at 8:00 AM CT</c>, <c>tomorrow at 8:00 AM CT</c>,
    /// <c>Monday at 8:00 AM CT</c> or <c>Monday, January 4 at 8:00 AM CT</c>; null when there is no opening day soon.
    /// </summary>
    public string? DescribeNextOpening()
    {
        if (NextOpening() is not { } opening)
        {
            return null;
        }

        var days = DateOnly.FromDateTime(opening.DateTime).DayNumber - DateOnly.FromDateTime(LocalNow.DateTime).DayNumber;
        var day = days switch
        {
            0 => "today",
            1 => "tomorrow",
            < 7 => opening.ToString("dddd", English),
            _ => opening.ToString("dddd, MMMM d", English),
        };
        return $"{day} at {opening.ToString("h:mm tt", English)} {options.Value.TimeZoneAbbreviation}";
    }

    private bool IsOpenDay(DateOnly date) =>
        options.Value.OpenDays.Contains(date.DayOfWeek) && !options.Value.ClosedDates.Contains(date);
}
