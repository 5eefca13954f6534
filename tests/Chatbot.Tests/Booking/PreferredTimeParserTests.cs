using System.Globalization;
using Chatbot.Patients.Booking;
using Chatbot.Patients;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Chatbot.Patients.Booking.PreferredTimes;

namespace Chatbot.Tests.Booking;

public sealed class PreferredTimeParserTests
{
    // Clinic-local instants (America/Chicago); the UTC values are what the FakeTimeProvider holds.
    private const string TuesdayMorning = "2026-11-24T16:00:00Z";   // Tue Nov 24 2026, 10:00 CST (-06:00)
    private const string TuesdayAfternoon = "2026-11-24T20:00:00Z"; // Tue Nov 24 2026, 14:00 CST
    private const string TuesdayNight = "2026-11-25T03:00:00Z";     // Tue Nov 24 2026, 21:00 CST (already Wednesday in UTC)
    private const string FridayAfternoon = "2026-11-27T20:00:00Z";  // Fri Nov 27 2026, 14:00 CST
    private const string FridayEvening = "2026-11-28T00:00:00Z";    // Fri Nov 27 2026, 18:00 CST
    private const string Sunday = "2026-11-29T16:00:00Z";           // Sun Nov 29 2026, 10:00 CST
    private const string Monday = "2026-11-30T16:00:00Z";           // Mon Nov 30 2026, 10:00 CST
    private const string BeforeSpringForward = "2027-03-12T16:00:00Z"; // Fri Mar 12 2027, 10:00 CST; clocks go forward Sun Mar 14
    private const string BeforeFallBack = "2026-10-30T15:00:00Z";      // Fri Oct 30 2026, 10:00 CDT; clocks go back Sun Nov 1

    private const string Hours = "Our hours are Monday to Friday, 8 am to 5 pm Central time.";
    private const string NotUnderstood =
        "Sorry, I didn't understand that day or time. You could say, for example, \"next Tuesday afternoon\" or \"mornings this week\".";

    // Expected windows are "yyyy-MM-dd HH:mm-HH:mm" in clinic-local time, several separated by " | ".
    [Theory]
    [InlineData("today", "2026-11-24 10:00-17:00")]
    [InlineData("tomorrow", "2026-11-25 08:00-17:00")]
    [InlineData("day after tomorrow", "2026-11-26 08:00-17:00")]
    [InlineData("the day after tomorrow please", "2026-11-26 08:00-17:00")]
    [InlineData("tonight", "2026-11-24 16:00-17:00")]
    [InlineData("in 2 days", "2026-11-26 08:00-17:00")]
    [InlineData("Tuesday", "2026-11-24 10:00-17:00")]
    [InlineData("Tuesday morning", "2026-11-24 10:00-12:00")]
    [InlineData("Wednesday", "2026-11-25 08:00-17:00")]
    [InlineData("on friday", "2026-11-27 08:00-17:00")]
    [InlineData("Monday", "2026-11-30 08:00-17:00")]
    [InlineData("this Friday", "2026-11-27 08:00-17:00")]
    [InlineData("this Tuesday", "2026-11-24 10:00-17:00")]
    [InlineData("next Tuesday", "2026-12-01 08:00-17:00")]
    [InlineData("next Friday", "2026-12-04 08:00-17:00")]
    [InlineData("next Monday", "2026-11-30 08:00-17:00")]
    [InlineData("Tuesday next week", "2026-12-01 08:00-17:00")]
    [InlineData("next week Thursday at 10", "2026-12-03 10:00-10:30")]
    [InlineData("this week", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00")]
    [InlineData("next week", "2026-11-30 08:00-17:00 | 2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00 | 2026-12-04 08:00-17:00")]
    [InlineData("weekdays", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("any weekday", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("any day", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("anytime", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("whenever", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("ASAP", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("as soon as possible", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("no preference", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("tomorrow morning", "2026-11-25 08:00-12:00")]
    [InlineData("tomorrow afternoon", "2026-11-25 12:00-17:00")]
    [InlineData("tomorrow evening", "2026-11-25 16:00-17:00")]
    [InlineData("tomorrow after 4", "2026-11-25 16:00-17:00")]
    [InlineData("tomorrow at lunchtime", "2026-11-25 11:30-13:30")]
    [InlineData("tomorrow after lunch", "2026-11-25 13:30-17:00")]
    [InlineData("tomorrow after 3pm", "2026-11-25 15:00-17:00")]
    [InlineData("tomorrow before 10", "2026-11-25 08:00-10:00")]
    [InlineData("tomorrow at 2", "2026-11-25 14:00-14:30")]
    [InlineData("tomorrow 2pm", "2026-11-25 14:00-14:30")]
    [InlineData("tomorrow at 2:30 pm", "2026-11-25 14:30-15:00")]
    [InlineData("tomorrow at 2.30 p.m.", "2026-11-25 14:30-15:00")]
    [InlineData("tomorrow at 3 o'clock", "2026-11-25 15:00-15:30")]
    [InlineData("tomorrow at noon", "2026-11-25 12:00-12:30")]
    [InlineData("tomorrow around 10am", "2026-11-25 09:00-11:00")]
    [InlineData("tomorrow 10ish", "2026-11-25 09:00-11:00")]
    [InlineData("tomorrow between 1 and 3", "2026-11-25 13:00-15:00")]
    [InlineData("tomorrow 1-3pm", "2026-11-25 13:00-15:00")]
    [InlineData("tomorrow from 11 to 1", "2026-11-25 11:00-13:00")]
    [InlineData("tomorrow at 10 in the morning", "2026-11-25 10:00-10:30")]
    [InlineData("tomorrow afternoon after 3", "2026-11-25 15:00-17:00")]
    [InlineData("tomorrow after 10 and before 2", "2026-11-25 10:00-14:00")]
    [InlineData("tomorrow morning or evening", "2026-11-25 08:00-12:00 | 2026-11-25 16:00-17:00")]
    [InlineData("tomorrow at 3pm", "2026-11-25 15:00-15:30")]
    [InlineData("Dec 3", "2026-12-03 08:00-17:00")]
    [InlineData("December 3rd", "2026-12-03 08:00-17:00")]
    [InlineData("3 December", "2026-12-03 08:00-17:00")]
    [InlineData("the 3rd of December", "2026-12-03 08:00-17:00")]
    [InlineData("Dec. 3, 2026", "2026-12-03 08:00-17:00")]
    [InlineData("12/3", "2026-12-03 08:00-17:00")]
    [InlineData("12/03/2026", "2026-12-03 08:00-17:00")]
    [InlineData("12/3/26", "2026-12-03 08:00-17:00")]
    [InlineData("2026-12-03", "2026-12-03 08:00-17:00")]
    [InlineData("Thursday, December 3 at 2:30pm", "2026-12-03 14:30-15:00")]
    [InlineData("the 15th", "2026-12-15 08:00-17:00")]
    [InlineData("on the 30th", "2026-11-30 08:00-17:00")]
    [InlineData("the 24th", "2026-11-24 10:00-17:00")]
    [InlineData("Jan 5", "2027-01-05 08:00-17:00")]
    [InlineData("next Tuesday afternoon", "2026-12-01 12:00-17:00")]
    [InlineData("mornings this week", "2026-11-24 10:00-12:00 | 2026-11-25 08:00-12:00 | 2026-11-26 08:00-12:00 | 2026-11-27 08:00-12:00")]
    [InlineData("Monday or Wednesday morning", "2026-11-25 08:00-12:00 | 2026-11-30 08:00-12:00")]
    [InlineData("Tuesday and Thursday after 2", "2026-11-24 14:00-17:00 | 2026-11-26 14:00-17:00")]
    [InlineData("weekday mornings next week", "2026-11-30 08:00-12:00 | 2026-12-01 08:00-12:00 | 2026-12-02 08:00-12:00 | 2026-12-03 08:00-12:00 | 2026-12-04 08:00-12:00")]
    [InlineData("tomorrow morning or Friday afternoon", "2026-11-25 08:00-12:00 | 2026-11-27 12:00-17:00")]
    [InlineData("at 3 on Tuesday, or Wednesday morning", "2026-11-24 15:00-15:30 | 2026-11-25 08:00-12:00")]
    [InlineData("morning on Monday or Wednesday", "2026-11-25 08:00-12:00 | 2026-11-30 08:00-12:00")]
    [InlineData("Tuesday after 2 or Thursday before 11", "2026-11-24 14:00-17:00 | 2026-11-26 08:00-11:00")]
    [InlineData("afternoons", "2026-11-24 12:00-17:00 | 2026-11-25 12:00-17:00 | 2026-11-26 12:00-17:00 | 2026-11-27 12:00-17:00 | 2026-11-30 12:00-17:00")]
    [InlineData("tomorrow or next week", "2026-11-25 08:00-17:00 | 2026-11-30 08:00-17:00 | 2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00 | 2026-12-04 08:00-17:00")]
    [InlineData("Saturday or Monday", "2026-11-30 08:00-17:00")]
    [InlineData("any day except Friday", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-30 08:00-17:00 | 2026-12-01 08:00-17:00")]
    [InlineData("I can't do Mondays", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-12-01 08:00-17:00")]
    [InlineData("I can't do Tuesday morning", "2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00 | 2026-12-02 08:00-17:00")]
    [InlineData("any day except Friday, mornings", "2026-11-24 10:00-12:00 | 2026-11-25 08:00-12:00 | 2026-11-26 08:00-12:00 | 2026-11-30 08:00-12:00 | 2026-12-01 08:00-12:00")]
    [InlineData("tomorrow, but not before 10", "2026-11-25 10:00-17:00")]
    [InlineData("not Tuesday but Wednesday", "2026-11-25 08:00-17:00")]
    [InlineData("this week, not mornings", "2026-11-24 12:00-17:00 | 2026-11-25 12:00-17:00 | 2026-11-26 12:00-17:00 | 2026-11-27 12:00-17:00")]
    public void UnderstandsPhrasesOnATuesdayMorning(string text, string expected) => AssertWindows(TuesdayMorning, text, expected);

    [Theory]
    [InlineData("Dec 1-3", "2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00")]
    [InlineData("Dec 1 to Dec 3", "2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00")]
    [InlineData("12/1-12/3", "2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00")]
    [InlineData("Dec 28 - Jan 3", "2026-12-28 08:00-17:00 | 2026-12-29 08:00-17:00 | 2026-12-30 08:00-17:00 | 2026-12-31 08:00-17:00 | 2027-01-01 08:00-17:00")]
    [InlineData("Nov 20-30", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("December 1 or 2", "2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00")]
    [InlineData("Dec 1, 2 or 4 after 3", "2026-12-01 15:00-17:00 | 2026-12-02 15:00-17:00 | 2026-12-04 15:00-17:00")]
    [InlineData("Monday to Friday", "2026-11-30 08:00-17:00 | 2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00 | 2026-12-04 08:00-17:00")]
    [InlineData("Tuesday - Thursday", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00")]
    [InlineData("between Monday and Wednesday", "2026-11-30 08:00-17:00 | 2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00")]
    [InlineData("Tuesday to Thursday next week mornings", "2026-12-01 08:00-12:00 | 2026-12-02 08:00-12:00 | 2026-12-03 08:00-12:00")]
    [InlineData("the week of December 7", "2026-12-07 08:00-17:00 | 2026-12-08 08:00-17:00 | 2026-12-09 08:00-17:00 | 2026-12-10 08:00-17:00 | 2026-12-11 08:00-17:00")]
    [InlineData("in two weeks", "2026-12-07 08:00-17:00 | 2026-12-08 08:00-17:00 | 2026-12-09 08:00-17:00 | 2026-12-10 08:00-17:00 | 2026-12-11 08:00-17:00")]
    [InlineData("next Tuesday or Wednesday", "2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00")]
    [InlineData("this coming Tuesday", "2026-12-01 08:00-17:00")]
    [InlineData("tomorrow at half past two", "2026-11-25 14:30-15:00")]
    [InlineData("tomorrow at quarter to 3", "2026-11-25 14:45-15:15")]
    [InlineData("Wednesday 3", "2026-11-25 15:00-15:30")]
    [InlineData("first available", "2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-11-30 08:00-17:00")]
    [InlineData("except Monday to Wednesday", "2026-11-26 08:00-17:00 | 2026-11-27 08:00-17:00 | 2026-12-03 08:00-17:00 | 2026-12-04 08:00-17:00 | 2026-12-10 08:00-17:00")]
    public void UnderstandsDayRangesAndLists(string text, string expected) => AssertWindows(TuesdayMorning, text, expected);

    [Theory]
    [InlineData("tuesay", "2026-11-24 10:00-17:00")]
    [InlineData("tomorow", "2026-11-25 08:00-17:00")]
    [InlineData("tommorrow mornin", "2026-11-25 08:00-12:00")]
    [InlineData("next tuesay afternon", "2026-12-01 12:00-17:00")]
    [InlineData("wensday", "2026-11-25 08:00-17:00")]
    [InlineData("wendesday", "2026-11-25 08:00-17:00")]
    [InlineData("thrusday", "2026-11-26 08:00-17:00")]
    [InlineData("fri", "2026-11-27 08:00-17:00")]
    [InlineData("tues", "2026-11-24 10:00-17:00")]
    [InlineData("tmrw arvo", "2026-11-25 12:00-17:00")]
    [InlineData("Decmber 3rd", "2026-12-03 08:00-17:00")]
    [InlineData("NEXT Tuesday,   afternoon!!!", "2026-12-01 12:00-17:00")]
    [InlineData("Next tuesday (afternoon) please :)", "2026-12-01 12:00-17:00")]
    [InlineData("I'd like to come in next Tuesday afternoon if that's possible", "2026-12-01 12:00-17:00")]
    [InlineData("tomorrow @ 3", "2026-11-25 15:00-15:30")]
    [InlineData("2morrow", "2026-11-25 08:00-17:00")]
    public void ToleratesTyposCaseAndPunctuation(string text, string expected) => AssertWindows(TuesdayMorning, text, expected);

    [Theory]
    [InlineData("this Friday", "2026-11-27 14:00-17:00")]
    [InlineData("Friday", "2026-11-27 14:00-17:00")]
    [InlineData("Friday morning", "2026-12-04 08:00-12:00")]
    [InlineData("this week", "2026-11-27 14:00-17:00")]
    [InlineData("next Tuesday", "2026-12-01 08:00-17:00")]
    [InlineData("mornings", "2026-11-30 08:00-12:00 | 2026-12-01 08:00-12:00 | 2026-12-02 08:00-12:00 | 2026-12-03 08:00-12:00 | 2026-12-04 08:00-12:00")]
    [InlineData("today after 3", "2026-11-27 15:00-17:00")]
    public void UnderstandsPhrasesOnAFridayAfternoon(string text, string expected) => AssertWindows(FridayAfternoon, text, expected);

    [Theory]
    [InlineData("this week", "2026-11-30 08:00-17:00 | 2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00 | 2026-12-04 08:00-17:00")]
    [InlineData("next week", "2026-11-30 08:00-17:00 | 2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00 | 2026-12-04 08:00-17:00")]
    [InlineData("tomorrow", "2026-11-30 08:00-17:00")]
    [InlineData("Tuesday", "2026-12-01 08:00-17:00")]
    [InlineData("this Tuesday", "2026-12-01 08:00-17:00")]
    [InlineData("next Tuesday", "2026-12-01 08:00-17:00")]
    [InlineData("next Monday", "2026-11-30 08:00-17:00")]
    [InlineData("asap", "2026-11-30 08:00-17:00 | 2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00 | 2026-12-04 08:00-17:00")]
    public void UnderstandsPhrasesOnASunday(string text, string expected) => AssertWindows(Sunday, text, expected);

    [Theory]
    [InlineData("Tuesday", "2026-12-01 08:00-17:00")]
    [InlineData("next Tuesday", "2026-12-08 08:00-17:00")]
    [InlineData("this week", "2026-11-30 10:00-17:00 | 2026-12-01 08:00-17:00 | 2026-12-02 08:00-17:00 | 2026-12-03 08:00-17:00 | 2026-12-04 08:00-17:00")]
    public void NextWeekdayMeansTheOneInNextWeekEvenOnAMonday(string text, string expected) => AssertWindows(Monday, text, expected);

    [Fact]
    public void ResolvesInTheClinicTimeZoneNotUtc()
    {
        // 21:00 Tuesday in Chicago is already Wednesday in UTC: "tomorrow" is still Wednesday.
        AssertWindows(TuesdayNight, "tomorrow", "2026-11-25 08:00-17:00");
        AssertWindows(TuesdayNight, "Wednesday", "2026-11-25 08:00-17:00");
    }

    [Fact]
    public void UsesTheOffsetOfEachDateAcrossSpringForward()
    {
        var result = Parser(BeforeSpringForward).Parse("today or next Monday");

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(
            ["2027-03-12T10:00:00-06:00/2027-03-12T17:00:00-06:00", "2027-03-15T08:00:00-05:00/2027-03-15T17:00:00-05:00"],
            result.Windows.Select(Iso));
        Assert.Equal(DateTimeOffset.Parse("2027-03-15T13:00:00Z", CultureInfo.InvariantCulture), result.Windows[1].Start);
    }

    [Fact]
    public void UsesTheOffsetOfEachDateForRangesAcrossSpringForward()
    {
        var result = Parser(BeforeSpringForward).Parse("any day");

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(
            ["2027-03-12T10:00:00-06:00", "2027-03-15T08:00:00-05:00", "2027-03-16T08:00:00-05:00", "2027-03-17T08:00:00-05:00", "2027-03-18T08:00:00-05:00"],
            result.Windows.Select(w => w.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void UsesTheOffsetOfEachDateAcrossFallBack()
    {
        var result = Parser(BeforeFallBack).Parse("today or Monday morning");

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(
            ["2026-10-30T10:00:00-05:00/2026-10-30T12:00:00-05:00", "2026-11-02T08:00:00-06:00/2026-11-02T12:00:00-06:00"],
            result.Windows.Select(Iso));
    }

    [Fact]
    public void SkipsTheHourThatDoesNotExistWhenClocksGoForward()
    {
        // A (hypothetical) clinic open 1–5 am every day: on Sunday March 14 2027 local time jumps from 2:00 to 3:00.
        var parser = Parser("2027-03-13T18:00:00Z", o =>
        {
            o.OpenDays = [.. Enum.GetValues<DayOfWeek>()];
            o.OpensAt = new TimeOnly(1, 0);
            o.ClosesAt = new TimeOnly(5, 0);
        });

        Assert.Equal(["2027-03-14T01:00:00-06:00/2027-03-14T05:00:00-05:00"], parser.Parse("tomorrow").Windows.Select(Iso));
        Assert.Equal(["2027-03-14T01:45:00-06:00/2027-03-14T03:00:00-05:00"], parser.Parse("tomorrow at 1:45 am").Windows.Select(Iso));
        Assert.False(parser.Parse("tomorrow at 2:30 am").IsValid);
    }

    [Theory]
    [InlineData("next Tuesday afternoon", "Tuesday, December 1 (afternoon, 12–5 pm)")]
    [InlineData("weekday mornings next week", "weekday mornings, Nov 30 – Dec 4")]
    [InlineData("tomorrow at 3pm", "Wednesday, November 25 (tomorrow, at 3 pm)")]
    [InlineData("today", "Tuesday, November 24 (today, 10 am–5 pm)")]
    [InlineData("Dec 3", "Thursday, December 3 (any time, 8 am–5 pm)")]
    [InlineData("tomorrow around 10am", "Wednesday, November 25 (tomorrow, around 10 am, 9–11 am)")]
    [InlineData("tomorrow between 11 and 1", "Wednesday, November 25 (tomorrow, 11 am–1 pm)")]
    [InlineData("Monday or Wednesday morning", "Wednesday, November 25 or Monday, November 30 (morning, 8 am–12 pm)")]
    [InlineData("Tuesday and Thursday after 2", "Tuesday, November 24 or Thursday, November 26 (after 2 pm, 2–5 pm)")]
    [InlineData("next week", "any weekday, Nov 30 – Dec 4")]
    [InlineData("asap", "any weekday, Nov 24 – Nov 30")]
    [InlineData("next week after 3", "weekdays after 3 pm, Nov 30 – Dec 4")]
    [InlineData("any day except Friday", "any weekday, Nov 24 – Dec 1, except Nov 27")]
    [InlineData("tomorrow morning or Friday afternoon", "Wednesday, November 25 (tomorrow, morning, 8 am–12 pm) or Friday, November 27 (afternoon, 12–5 pm)")]
    [InlineData("Mon, Wed or Fri next week at lunchtime", "Mon Nov 30, Wed Dec 2 or Fri Dec 4 (lunchtime, 11:30 am–1:30 pm)")]
    [InlineData("Dec 1-3", "any weekday, Dec 1 – Dec 3")]
    [InlineData("except Monday to Wednesday", "Thu Nov 26, Fri Nov 27, Thu Dec 3, Fri Dec 4 or Thu Dec 10 (any time, 8 am–5 pm)")]
    [InlineData("tonight", "Tuesday, November 24 (today, evening, 4–5 pm)")]
    [InlineData("tomorrow afternoon at 1:30", "Wednesday, November 25 (tomorrow, at 1:30 pm)")]
    public void DescribesTheRequestReadably(string text, string expected)
    {
        var result = Parser(TuesdayMorning).Parse(text);

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(expected, result.Description);
        Assert.Null(result.Problem);
    }

    [Theory]
    [InlineData(TuesdayMorning, "yesterday", "November 23 is in the past — please choose a day from today on.")]
    [InlineData(TuesdayMorning, "Nov 20", "November 20 is in the past — please choose a day from today on.")]
    [InlineData(TuesdayMorning, "11/23/2026", "November 23 is in the past — please choose a day from today on.")]
    [InlineData(TuesdayMorning, "last Tuesday", "November 17 is in the past — please choose a day from today on.")]
    [InlineData(TuesdayMorning, "last week", "Last week is in the past — please choose a day from today on.")]
    [InlineData(TuesdayAfternoon, "today at 9am", "9 am today has already passed (it's 2 pm now) — please choose a later time or another day.")]
    [InlineData(TuesdayAfternoon, "this morning", "That time today has already passed (it's 2 pm now) — please choose a later time or another day.")]
    [InlineData(FridayAfternoon, "this Friday morning", "That time today has already passed (it's 2 pm now) — please choose a later time or another day.")]
    public void RejectsThePast(string now, string text, string problem) => AssertProblem(now, text, problem);

    [Theory]
    [InlineData(TuesdayMorning, "Saturday", "We're closed on Saturdays and Sundays. " + Hours)]
    [InlineData(TuesdayMorning, "this weekend", "We're closed on Saturdays and Sundays. " + Hours)]
    [InlineData(TuesdayMorning, "sunday afternoon", "We're closed on Saturdays and Sundays. " + Hours)]
    [InlineData(TuesdayMorning, "Nov 28", "We're closed on Saturdays and Sundays. " + Hours)]
    [InlineData(FridayAfternoon, "tomorrow", "We're closed on Saturdays and Sundays. " + Hours)]
    [InlineData(Sunday, "today", "We're closed on Saturdays and Sundays. " + Hours)]
    [InlineData(FridayEvening, "today", "We've closed for today — we close at 5 pm. " + Hours)]
    [InlineData(FridayEvening, "this Friday", "We've closed for today — we close at 5 pm. " + Hours)]
    [InlineData(TuesdayNight, "tonight", "We're closed tonight — we close at 5 pm. " + Hours)]
    public void RejectsClosedDays(string now, string text, string problem) => AssertProblem(now, text, problem);

    [Fact]
    public void RejectsAClosedDateAndSkipsItInRanges()
    {
        var parser = Parser(TuesdayMorning, o => o.ClosedDates = [new DateOnly(2026, 11, 26)]);

        var thursday = parser.Parse("Thursday");
        Assert.False(thursday.IsValid);
        Assert.Equal("We're closed on Thursday, November 26. Please choose another day — our hours are Monday to Friday, 8 am to 5 pm Central time.", thursday.Problem);

        var week = parser.Parse("this week");
        Assert.True(week.IsValid, week.Problem);
        Assert.Equal("2026-11-24 10:00-17:00 | 2026-11-25 08:00-17:00 | 2026-11-27 08:00-17:00", Local(week));
        Assert.Equal("any weekday, Nov 24 – Nov 27, except Nov 26", week.Description);
    }

    [Fact]
    public void FollowsConfiguredOpenDaysAndHours()
    {
        var parser = Parser(TuesdayMorning, o =>
        {
            o.OpenDays = [DayOfWeek.Tuesday, DayOfWeek.Saturday];
            o.OpensAt = new TimeOnly(9, 30);
            o.ClosesAt = new TimeOnly(13, 0);
            o.Hours = "Tuesday and Saturday, 9:30 am to 1 pm";
        });

        Assert.Equal("2026-11-24 10:00-13:00 | 2026-11-28 09:30-13:00", Local(parser.Parse("this week")));
        Assert.Equal("2026-11-28 09:30-12:00", Local(parser.Parse("Saturday morning")));
        Assert.Equal("Saturday, November 28 (morning, 9:30 am–12 pm)", parser.Parse("Saturday morning").Description);
        Assert.Equal(
            "We're closed on Mondays, Wednesdays, Thursdays, Fridays and Sundays. Our hours are Tuesday and Saturday, 9:30 am to 1 pm.",
            parser.Parse("Wednesday").Problem);
    }

    [Theory]
    [InlineData("at 7pm", "Sorry, we're not open at 7 pm. " + Hours)]
    [InlineData("6am", "Sorry, we're not open at 6 am. " + Hours)]
    [InlineData("tomorrow at 7", "Sorry, we're not open at 7 pm. " + Hours)]
    [InlineData("tomorrow after 5pm", "Sorry, we're not open after 5 pm. " + Hours)]
    [InlineData("Monday before 8am", "Sorry, we're not open before 8 am. " + Hours)]
    [InlineData("next Tuesday between 6 and 8 pm", "Sorry, we're not open between 6 and 8 pm. " + Hours)]
    [InlineData("tomorrow at midnight", "Sorry, we're not open at 12 am. " + Hours)]
    [InlineData("tomorrow morning after 2", "Sorry, in the morning and after 2 pm don't overlap — please choose one or the other.")]
    public void RejectsTimesOutsideOpeningHours(string text, string problem) => AssertProblem(TuesdayMorning, text, problem);

    [Theory]
    [InlineData("Monday, December 1", "December 1 is a Tuesday, not a Monday — which day did you mean?")]
    [InlineData("February 30", "Sorry, I couldn't find that date in the calendar. Could you check it? For example, \"December 3\" or \"12/3\".")]
    [InlineData("13/13", "Sorry, I couldn't find that date in the calendar. Could you check it? For example, \"December 3\" or \"12/3\".")]
    [InlineData("Tuesday doesn't work", "Sorry, I'm not sure which days or times would suit you. Please tell me when you can come in, for example \"Tuesday afternoon\" or \"any weekday morning\".")]
    [InlineData("mondays I'm busy", "Sorry, I'm not sure which days or times would suit you. Please tell me when you can come in, for example \"Tuesday afternoon\" or \"any weekday morning\".")]
    public void AsksBackWhenTheAnswerContradictsItself(string text, string problem) => AssertProblem(TuesdayMorning, text, problem);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("banana")]
    [InlineData("I'm not sure")]
    [InlineData("what are your prices?")]
    [InlineData("no")]
    public void ReportsWhatItDoesNotUnderstand(string? text) => AssertProblem(TuesdayMorning, text, NotUnderstood);

    [Fact]
    public void RejectsAnswersOverTwoHundredCharacters()
    {
        var parser = Parser(TuesdayMorning);
        var padded = "next Tuesday afternoon " + new string(' ', 200 - 23);

        Assert.True(parser.Parse(padded).IsValid);
        Assert.Equal(NotUnderstood, parser.Parse(padded + "x").Problem);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("9999-12-31")]
    [InlineData("12/31/9999")]
    [InlineData("0/0")]
    [InlineData("the 0th")]
    [InlineData("the 99th")]
    [InlineData("in 366 days")]
    [InlineData("in 99 weeks")]
    [InlineData("at 99")]
    [InlineData("at 24")]
    [InlineData("between 5 and 3")]
    [InlineData("at 25:99")]
    [InlineData("- , ; & @ + :: // ..")]
    [InlineData("not not not except but")]
    [InlineData("next next next week week")]
    [InlineData("2026-02-29")]
    [InlineData("12.03.2026")]
    [InlineData("🙂 tuesday 🙂")]
    [InlineData("ｔｕｅｓｄａｙ")]
    [InlineData("\0\t\r\n")]
    public void NeverThrowsAndOnlyReturnsSaneWindows(string text)
    {
        var result = Parser(TuesdayMorning).Parse(text);

        Assert.Equal(result.IsValid, result.Windows.Count > 0);
        Assert.Equal(result.IsValid, result.Problem is null);
        AssertWindowsAreInsideOpeningHours(result);
    }

    [Fact]
    public void CapsRangesAtFourteenDates()
    {
        var result = Parser(TuesdayMorning).Parse("this week, next week or the week after in 2 weeks or in 3 weeks");

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(14, result.Windows.Select(w => w.Start.Date).Distinct().Count());
        AssertWindowsAreInsideOpeningHours(result);
    }

    private static PreferredTimeParser Parser(string utcNow, Action<ClinicOptions>? configure = null)
    {
        var options = new ClinicOptions();
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, CultureInfo.InvariantCulture));
        return new PreferredTimeParser(clock, Options.Create(options));
    }

    private static void AssertWindows(string utcNow, string text, string expected) => AssertWindows(Parser(utcNow).Parse(text), expected);

    private static void AssertWindows(PreferredTimeResult result, string expected)
    {
        Assert.True(result.IsValid, result.Problem);
        Assert.Null(result.Problem);
        Assert.False(string.IsNullOrWhiteSpace(result.Description));
        Assert.Equal(expected, Local(result));
        AssertWindowsAreInsideOpeningHours(result);
    }

    private static void AssertProblem(string utcNow, string? text, string problem)
    {
        var result = Parser(utcNow).Parse(text);

        Assert.False(result.IsValid);
        Assert.Empty(result.Windows);
        Assert.Equal(problem, result.Problem);
    }

    private static void AssertWindowsAreInsideOpeningHours(PreferredTimeResult result)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        foreach (var window in result.Windows)
        {
            Assert.True(window.Start < window.End);
            Assert.Equal(window.Start.Date, window.End.Date);
            Assert.Equal(zone.GetUtcOffset(window.Start.UtcDateTime), window.Start.Offset);
            Assert.Equal(zone.GetUtcOffset(window.End.UtcDateTime), window.End.Offset);
            Assert.InRange(window.Start.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(17));
            Assert.InRange(window.End.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(17));
            Assert.True(window.Start.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        }
    }

    private static string Local(PreferredTimeResult result) =>
        string.Join(" | ", result.Windows.Select(w =>
            w.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "-" + w.End.ToString("HH:mm", CultureInfo.InvariantCulture)));

    private static string Iso(TimeWindow window) =>
        window.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) + "/" + window.End.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
