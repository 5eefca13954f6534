namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Kinds of <see cref="DayPhrase"/>.</summary>
internal enum DayPhraseKind
{
    /// <summary>"today" (and "tonight", "this morning").</summary>
    Today,

    /// <summary>"tomorrow".</summary>
    Tomorrow,

    /// <summary>"day after tomorrow".</summary>
    DayAfterTomorrow,

    /// <summary>"yesterday".</summary>
    Yesterday,

    /// <summary>"in 3 days": <see cref="DayPhrase.Count"/> days from today.</summary>
    InDays,

    /// <summary>A weekday name, with a <see cref="WeekdayModifier"/>.</summary>
    Weekday,

    /// <summary>A calendar date; <see cref="DayPhrase.Year"/> is 0 when not said.</summary>
    Date,

    /// <summary>"the 15th": this month, or the next month that has that day still ahead.</summary>
    DayOfMonth,

    /// <summary>"this week" (a scope for weekday names, else a range).</summary>
    ThisWeek,

    /// <summary>"next week".</summary>
    NextWeek,

    /// <summary>"last week".</summary>
    LastWeek,

    /// <summary>"in 2 weeks": the week that contains the day <see cref="DayPhrase.Count"/> weeks from today.</summary>
    InWeeks,

    /// <summary>"the week of December 7": the Monday–Sunday week holding that date (date fields as for <see cref="Date"/>).</summary>
    WeekOf,

    /// <summary>"weekend", "this weekend", "next weekend".</summary>
    Weekend,

    /// <summary>"weekdays", "any weekday": a range of open Monday–Friday days.</summary>
    Weekdays,

    /// <summary>"any day", "anytime", "whenever", "asap": a range of open days.</summary>
    AnyDay,
}
