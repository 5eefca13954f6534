namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Turns a clause's time phrases into spans within opening hours. Parts of the day add up ("morning or evening"),
/// so do single times ("at 2 or 4"); "after" and "before" narrow ("afternoon after 3", "after 10 and before 2");
/// ruled-out times are removed. Times said without am/pm are read as the one inside opening hours, else 8–11 as am
/// and 1–7 as pm; in a range the end's am/pm carries to the start ("1-3 pm").
/// </summary>
internal sealed class TimePlanner(ClinicCalendar calendar, PreferredTimeText text)
{
    private const int Noon = 12 * 60;

    public TimePlan Plan(IReadOnlyList<TimePhrase> phrases, IReadOnlyList<TimePhrase> excluded)
    {
        IReadOnlyList<MinuteSpan> wanted = [MinuteSpan.Day];
        var parts = phrases.Where(p => p.Kind == TimePhraseKind.Part).Select(SpanOf).ToList();
        var times = phrases.Where(p => p.Kind is TimePhraseKind.At or TimePhraseKind.Around or TimePhraseKind.Between).Select(SpanOf).ToList();
        if (parts.Count > 0)
        {
            wanted = MinuteSpan.Intersect(wanted, MinuteSpan.Union(parts));
        }

        if (times.Count > 0)
        {
            wanted = MinuteSpan.Intersect(wanted, MinuteSpan.Union(times));
        }

        foreach (var bound in phrases.Where(p => p.Kind is TimePhraseKind.After or TimePhraseKind.Before))
        {
            wanted = MinuteSpan.Intersect(wanted, SpanOf(bound));
        }

        var spans = excluded.Aggregate(wanted, (current, phrase) => MinuteSpan.Subtract(current, SpanOf(phrase)));
        spans = MinuteSpan.Intersect(spans, calendar.OpeningHours);
        if (spans.Count == 0)
        {
            return new TimePlan([], phrases.Count > 0, Problem: ProblemFor(phrases, wanted));
        }

        var allParts = phrases.Count > 0 && phrases.All(p => p.Kind == TimePhraseKind.Part);

        // One time with parts of the day around it ("afternoon at 1:30") is named by the time.
        var notParts = phrases.Where(p => p.Kind != TimePhraseKind.Part).ToList();
        var single = notParts.Count == 1 ? notParts[0] : null;
        var name = allParts ? string.Join(" or ", phrases.Select(p => PreferredTimeText.PartName(p.Part!.Value)).Distinct())
            : single is { Kind: not TimePhraseKind.Between } ? Label(single)
            : null;
        var plural = allParts ? string.Join(" or ", phrases.Select(p => PreferredTimeText.PartName(p.Part!.Value) + "s").Distinct()) : null;
        var passed = single is { Kind: TimePhraseKind.At, From: { } at } ? PreferredTimeText.FormatTime(Minutes(at)) : null;
        return new TimePlan(spans, phrases.Count > 0, name, plural, single?.Kind == TimePhraseKind.At, passed);
    }

    /// <summary>How to say the phrase in a sentence: "at 7 pm", "after lunch", "between 1 and 3 pm", "in the morning".</summary>
    public string Label(TimePhrase phrase) => phrase switch
    {
        { Kind: TimePhraseKind.Part, Part: { } part } => part == DayPart.Lunch ? "at lunchtime" : "in the " + PreferredTimeText.PartName(part),
        { Kind: TimePhraseKind.Between } => PreferredTimeText.FormatBetween(SpanOf(phrase)),
        { Part: { } part } => (phrase.Kind == TimePhraseKind.After ? "after " : "before ") + PreferredTimeText.PartName(part),
        { From: { } time } => phrase.Kind switch
        {
            TimePhraseKind.After => "after ",
            TimePhraseKind.Before => "before ",
            TimePhraseKind.Around => "around ",
            _ => "at ",
        } + PreferredTimeText.FormatTime(Minutes(time)),
        _ => "then",
    };

    public MinuteSpan SpanOf(TimePhrase phrase) => phrase switch
    {
        { Kind: TimePhraseKind.Part, Part: { } part } => PartSpan(part),
        { Kind: TimePhraseKind.After, Part: { } part } => new MinuteSpan(PartSpan(part).End, MinuteSpan.Day.End),
        { Kind: TimePhraseKind.Before, Part: { } part } => new MinuteSpan(0, PartSpan(part).Start),
        { Kind: TimePhraseKind.Between, From: { } from, To: { } to } => Between(from, to),
        { From: { } time } => SpanAround(phrase.Kind, Minutes(time)),
        _ => default,
    };

    private static MinuteSpan SpanAround(TimePhraseKind kind, int at) => kind switch
    {
        TimePhraseKind.After => new MinuteSpan(at, MinuteSpan.Day.End),
        TimePhraseKind.Before => new MinuteSpan(0, at),
        TimePhraseKind.Around => new MinuteSpan(Math.Max(0, at - 60), Math.Min(MinuteSpan.Day.End, at + 60)),
        _ => new MinuteSpan(at, Math.Min(MinuteSpan.Day.End, at + 30)),
    };

    private static MinuteSpan PartSpan(DayPart part) => part switch
    {
        DayPart.Morning => new MinuteSpan(0, Noon),
        DayPart.Afternoon => new MinuteSpan(Noon, MinuteSpan.Day.End),
        DayPart.Evening => new MinuteSpan(16 * 60, MinuteSpan.Day.End),
        _ => new MinuteSpan((11 * 60) + 30, (13 * 60) + 30),
    };

    private MinuteSpan Between(ClockTime from, ClockTime to)
    {
        var start = Minutes(from, from.IsPm is null ? to.IsPm : null);
        var end = Minutes(to, to.IsPm is null ? from.IsPm : null);
        if (from.IsPm is null && to.IsPm is { } endIsPm && start >= end)
        {
            start = Minutes(from, !endIsPm);
        }

        if (end <= start && to.IsPm is null && end < Noon)
        {
            end += Noon;
        }

        return end < start ? new MinuteSpan(end, start) : new MinuteSpan(start, end);
    }

    private int Minutes(ClockTime time, bool? inheritedPm = null)
    {
        var isPm = time.IsPm ?? inheritedPm;
        var hour = time.Hour;
        if (hour > 12 || (hour == 0 && isPm is null))
        {
            return Math.Min((hour * 60) + time.Minute, MinuteSpan.Day.End);
        }

        hour = isPm switch
        {
            true => hour == 12 ? 12 : hour + 12,
            false => hour == 12 ? 0 : hour,
            null => GuessHour(hour, time.Minute),
        };
        return Math.Min((hour * 60) + time.Minute, MinuteSpan.Day.End);
    }

    private int GuessHour(int hour, int minute)
    {
        if (hour == 12)
        {
            return 12;
        }

        var hours = calendar.OpeningHours;
        var morning = (hour * 60) + minute;
        var amOpen = morning >= hours.Start && morning < hours.End;
        var pmOpen = morning + Noon >= hours.Start && morning + Noon < hours.End;
        return amOpen != pmOpen ? (amOpen ? hour : hour + 12) : hour >= 8 ? hour : hour + 12;
    }

    private string ProblemFor(IReadOnlyList<TimePhrase> phrases, IReadOnlyList<MinuteSpan> wanted)
    {
        if (MinuteSpan.Intersect(wanted, calendar.OpeningHours).Count > 0)
        {
            return text.NothingLeft();
        }

        foreach (var phrase in phrases)
        {
            if (SpanOf(phrase).Overlap(calendar.OpeningHours).IsEmpty)
            {
                return text.OutsideHours(Label(phrase));
            }
        }

        return phrases.Count >= 2 ? text.NoOverlap(Label(phrases[0]), Label(phrases[1])) : text.NothingLeft();
    }
}
