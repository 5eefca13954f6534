namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>A recognised day phrase.</summary>
/// <param name="Kind">What kind of phrase.</param>
/// <param name="Weekday">The weekday of <see cref="DayPhraseKind.Weekday"/>.</param>
/// <param name="Modifier">The modifier of <see cref="DayPhraseKind.Weekday"/> or <see cref="DayPhraseKind.Weekend"/>.</param>
/// <param name="Year">The year of a <see cref="DayPhraseKind.Date"/>; 0 when not said, -1 when unusable.</param>
/// <param name="Month">The month of a <see cref="DayPhraseKind.Date"/>.</param>
/// <param name="Day">The day of a <see cref="DayPhraseKind.Date"/> or <see cref="DayPhraseKind.DayOfMonth"/>.</param>
/// <param name="Count">Days of <see cref="DayPhraseKind.InDays"/>, weeks of <see cref="DayPhraseKind.InWeeks"/>.</param>
/// <param name="Tonight">"tonight": explains closing time differently.</param>
/// <param name="Until">The end of a range that starts with this phrase ("Monday to Wednesday", "Dec 1-3").</param>
internal sealed record DayPhrase(
    DayPhraseKind Kind,
    DayOfWeek Weekday = DayOfWeek.Sunday,
    WeekdayModifier Modifier = WeekdayModifier.None,
    int Year = 0,
    int Month = 0,
    int Day = 0,
    int Count = 0,
    bool Tonight = false,
    DayPhrase? Until = null)
{
    /// <summary>Week phrases scope weekday names in the same clause ("Tuesday next week") instead of adding days.</summary>
    public bool IsWeekScope => Kind is DayPhraseKind.ThisWeek or DayPhraseKind.NextWeek or DayPhraseKind.LastWeek or DayPhraseKind.InWeeks
        or DayPhraseKind.WeekOf;
}
