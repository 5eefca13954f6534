using System.Globalization;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>What the patient reads: problems in plain words and the formats of times and dates (US English).</summary>
internal sealed class PreferredTimeText(ClinicCalendar calendar)
{
    /// <summary>Nothing in the answer looked like a day or a time.</summary>
    public const string NotUnderstood =
        "Sorry, I didn't understand that day or time. You could say, for example, \"next Tuesday afternoon\" or \"mornings this week\".";

    /// <summary>A negation whose target is unclear.</summary>
    public const string Unclear =
        "Sorry, I'm not sure which days or times would suit you. Please tell me when you can come in, for example \"Tuesday afternoon\" or \"any weekday morning\".";

    /// <summary>A date that is not in the calendar.</summary>
    public const string InvalidDate = "Sorry, I couldn't find that date in the calendar. Could you check it? For example, \"December 3\" or \"12/3\".";

    /// <summary>"last week".</summary>
    public const string LastWeekPast = "Last week is in the past — please choose a day from today on.";

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Past(DateOnly date) => $"{date.ToString("MMMM d", English)} is in the past — please choose a day from today on.";

    public static string WrongWeekday(DateOnly date, DayOfWeek said) =>
        $"{date.ToString("MMMM d", English)} is a {date.ToString("dddd", English)}, not a {English.DateTimeFormat.GetDayName(said)} — which day did you mean?";

    public static string TimePassed(string? label, int nowMinutes) =>
        $"{label ?? "That time"} today has already passed (it's {FormatTime(nowMinutes)} now) — please choose a later time or another day.";

    public string ClosedWeekdays()
    {
        var days = calendar.ClosedWeekdays.Select(day => English.DateTimeFormat.GetDayName(day) + "s").ToList();
        return $"We're closed on {JoinAnd(days)}. Our hours are {calendar.Hours}.";
    }

    public string ClosedDate(DateOnly date) => $"We're closed on {LongDate(date)}. Please choose another day — our hours are {calendar.Hours}.";

    public string ClosedForToday(bool tonight) =>
        $"{(tonight ? "We're closed tonight" : "We've closed for today")} — we close at {FormatTime(calendar.OpeningHours.End)}. Our hours are {calendar.Hours}.";

    public string OutsideHours(string label) => $"Sorry, we're not open {label}. Our hours are {calendar.Hours}.";

    public string NoOverlap(string first, string second) => $"Sorry, {first} and {second} don't overlap — please choose one or the other.";

    public string NothingLeft() => $"Sorry, that doesn't leave a time when we're open. Our hours are {calendar.Hours}.";

    /// <summary>"Tuesday, December 1".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd, MMMM d", English);

    /// <summary>"Dec 1".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("MMM d", English);

    /// <summary>"8 am", "12 pm", "2:30 pm".</summary>
    public static string FormatTime(int minutes) => BareTime(minutes) + (minutes / 60 % 24 < 12 ? " am" : " pm");

    /// <summary>"12–5 pm", "8 am–12 pm", "11:30 am–1:30 pm".</summary>
    public static string FormatRange(MinuteSpan span) =>
        (SameHalfOfDay(span) ? BareTime(span.Start) : FormatTime(span.Start)) + "–" + FormatTime(span.End);

    /// <summary>"between 1 and 3 pm", "between 11 am and 1 pm".</summary>
    public static string FormatBetween(MinuteSpan span) =>
        $"between {(SameHalfOfDay(span) ? BareTime(span.Start) : FormatTime(span.Start))} and {FormatTime(span.End)}";

    public static string PartName(DayPart part) => part switch
    {
        DayPart.Morning => "morning",
        DayPart.Afternoon => "afternoon",
        DayPart.Evening => "evening",
        _ => "lunchtime",
    };

    public static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static bool SameHalfOfDay(MinuteSpan span) => span.Start / 60 % 24 < 12 == span.End / 60 % 24 < 12;

    private static string BareTime(int minutes)
    {
        var hour = minutes / 60 % 12;
        var minute = minutes % 60;
        return minute == 0
            ? (hour == 0 ? 12 : hour).ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{(hour == 0 ? 12 : hour)}:{minute:00}");
    }
}
