namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>The word lists the recognizers share: weekday names, month names and parts of the day.</summary>
internal static class TimeWords
{
    private static readonly string[] WeekdayWords = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private static readonly string[] MonthWords =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static DayOfWeek? WeekdayOf(TimeToken token) =>
        token.Kind == TimeTokenKind.Word && Array.IndexOf(WeekdayWords, token.Word) is var index and >= 0 ? (DayOfWeek)index : null;

    public static int? MonthOf(TimeToken token) =>
        token.Kind == TimeTokenKind.Word && Array.IndexOf(MonthWords, token.Word) is var index and >= 0 ? index + 1 : null;

    public static DayPart? PartOf(TimeToken token) => token.Word switch
    {
        _ when token.Kind != TimeTokenKind.Word => null,
        "morning" => DayPart.Morning,
        "afternoon" => DayPart.Afternoon,
        "evening" => DayPart.Evening,
        "lunch" => DayPart.Lunch,
        _ => null,
    };
}
