using Microsoft.Extensions.Options;

namespace Chatbot.Patients;

/// <summary>The clinic's local time and opening hours.</summary>
public sealed class ClinicClock(IOptions<ClinicOptions> options, TimeProvider timeProvider)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>Now, in the clinic's time zone.</summary>
    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), _zone);

    /// <summary><paramref name="time"/> in the clinic's time zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, _zone);

    /// <summary>True when the clinic is open now (open day, not a closed date, within opening hours).</summary>
    public bool IsOpenNow()
    {
        var clinic = options.Value;
        var now = LocalNow;
        var time = TimeOnly.FromDateTime(now.DateTime);
        return clinic.OpenDays.Contains(now.DayOfWeek)
            && !clinic.ClosedDates.Contains(DateOnly.FromDateTime(now.DateTime))
            && time >= clinic.OpensAt && time < clinic.ClosesAt;
    }
}
