using Chatbot.Patients;
using Microsoft.Extensions.Options;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Understands a patient's answer to "When would you like to come in?" ("next Tuesday afternoon", "mornings this
/// week", "12/3 at 2:30 pm") and turns it into spans of clinic-local time within opening hours, a summary, or a
/// patient-facing reason why it cannot be booked. Pure and thread-safe: register it as a singleton.
/// </summary>
/// <remarks>
/// <para>Everything is resolved in <see cref="ClinicOptions.TimeZone"/> relative to <see cref="TimeProvider.GetUtcNow"/>,
/// each span carrying the UTC offset of its own date (DST-aware). Weeks run Monday to Sunday.</para>
/// <para>Days: "Tuesday" is the next Tuesday, today when it is Tuesday and the wanted time is still ahead.
/// "this Tuesday" is the next Tuesday counting today, even when today's time has passed (which is then reported).
/// "next Tuesday" is the Tuesday of next week ("the first Tuesday not in this week"): said on Tuesday 24 November it
/// is December 1, said on Monday 30 November it is December 8 (December 1 is "Tuesday"), said on Sunday 29 November it
/// is December 1. "this week" is today to Sunday, or the coming week when no opening time is left in this one;
/// "next week" is next Monday to Sunday. "12/3" is US month/day (December 3); only an impossible month is read
/// day/month ("31/12"). A date without a year is its occurrence nearest to today, so a recent date is reported as
/// past and "Jan 5" said in late December is next January. "the 15th" is the next 15th from today on. "any day",
/// "anytime", "asap", "whenever" and a time without a day ("afternoons", "at 3 pm") mean the next five open days
/// with that time still ahead; "weekdays" the next five open Monday–Friday days.</para>
/// <para>Times: morning is opening–12, afternoon 12–closing, evening (and "tonight", "after 4") 16–closing, lunchtime
/// 11:30–13:30; "at 2" is 30 minutes from 2 pm; "around 10" an hour either side; without am/pm an hour is read as the
/// one inside opening hours (else 8–11 am, 1–7 pm). Today's spans start at the next quarter hour.</para>
/// <para>Ranges (weeks, "weekdays", "any day") skip closed, past and ruled-out days; named days do too when another
/// named day is left ("Saturday or Monday" → Monday). Only when nothing is left is the answer invalid, with the
/// reason for the first day asked for. At most 14 dates are returned.</para>
/// </remarks>
public sealed class PreferredTimeParser
{
    private const int MaxLength = 200;

    private readonly TimeProvider _timeProvider;
    private readonly ClinicCalendar _calendar;

    /// <summary>Creates the parser for the configured clinic.</summary>
    /// <param name="timeProvider">The clock; "today" is its UTC now in the clinic's time zone.</param>
    /// <param name="clinic">Time zone, open days, opening hours, closed dates and the hours in words.</param>
    /// <exception cref="TimeZoneNotFoundException"><see cref="ClinicOptions.TimeZone"/> is not known on this machine.</exception>
    public PreferredTimeParser(TimeProvider timeProvider, IOptions<ClinicOptions> clinic)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(clinic);
        _timeProvider = timeProvider;
        _calendar = new ClinicCalendar(clinic.Value);
    }

    /// <summary>Parses one answer. Never throws.</summary>
    /// <param name="text">What the patient typed; empty or over 200 characters is not understood.</param>
    /// <returns>The windows and summary, or <see cref="PreferredTimeResult.Problem"/> to show the patient.</returns>
    public PreferredTimeResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return PreferredTimeResult.Invalid(PreferredTimeText.NotUnderstood);
        }

        var request = PreferredTimeRecognizer.Recognize(PreferredTimeLexer.Tokenize(text));
        if (request.IsEmpty)
        {
            return PreferredTimeResult.Invalid(PreferredTimeText.NotUnderstood);
        }

        var now = TimeZoneInfo.ConvertTime(_timeProvider.GetUtcNow(), _calendar.Zone);
        try
        {
            return new PreferredTimeResolver(_calendar, now).Resolve(request);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Date arithmetic at the edge of the calendar (year 9999) is the only thing left that can throw; a patient's answer must not.
            return PreferredTimeResult.Invalid(PreferredTimeText.NotUnderstood);
        }
    }
}
