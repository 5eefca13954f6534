namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Resolves recognised phrases against the clinic calendar at one moment: which dates they mean, which of those are
/// open, and the spans left on each. See <see cref="PreferredTimeParser"/> for the rules.
/// </summary>
internal sealed partial class PreferredTimeResolver
{
    private const int RangeDays = 5;
    private const int MaxDates = 14;
    private const int SearchDays = 92;
    private const int YearsAway = 5;

    private readonly ClinicCalendar _calendar;
    private readonly PreferredTimeText _text;
    private readonly TimePlanner _planner;
    private readonly DateOnly _today;
    private readonly DateOnly _thisMonday;
    private readonly int _nowMinutes;
    private readonly int _earliestToday;
    private readonly HashSet<DateOnly> _excludedDates = [];
    private readonly HashSet<DayOfWeek> _excludedWeekdays = [];

    /// <param name="calendar">The clinic calendar.</param>
    /// <param name="localNow">Now, in the clinic's time zone.</param>
    public PreferredTimeResolver(ClinicCalendar calendar, DateTimeOffset localNow)
    {
        _calendar = calendar;
        _text = new PreferredTimeText(calendar);
        _planner = new TimePlanner(calendar, _text);
        _today = DateOnly.FromDateTime(localNow.DateTime);
        _thisMonday = MondayOf(_today);
        _nowMinutes = (localNow.Hour * 60) + localNow.Minute;

        // Today's spans start at the next quarter hour: nobody can be seen at 10:07, and 16:50 leaves no time.
        var startedMinute = localNow.TimeOfDay.Ticks % TimeSpan.TicksPerMinute > 0 ? 1 : 0;
        _earliestToday = (_nowMinutes + startedMinute + 14) / 15 * 15;
    }

    private enum DayStatus
    {
        Open,
        Past,
        ClosedWeekday,
        ClosedDate,
        Excluded,
        ClosedForToday,
        TimePassed,
    }

    public PreferredTimeResult Resolve(PreferredTimeRequest request)
    {
        if (request.UnclearNegation)
        {
            return PreferredTimeResult.Invalid(PreferredTimeText.Unclear);
        }

        foreach (var phrase in request.ExcludedDays)
        {
            Exclude(phrase);
        }

        var clauses = request.Clauses.Where(c => !c.IsEmpty).DefaultIfEmpty(new RequestClause()).ToList();
        var outcomes = clauses.Select(c => ResolveClause(c, request.ExcludedTimes)).ToList();
        var byDate = new SortedDictionary<DateOnly, IReadOnlyList<MinuteSpan>>();
        foreach (var day in outcomes.SelectMany(o => o.Days))
        {
            byDate[day.Date] = byDate.TryGetValue(day.Date, out var spans) ? MinuteSpan.Union(spans.Concat(day.Spans)) : day.Spans;
        }

        if (byDate.Count == 0)
        {
            return PreferredTimeResult.Invalid(PickProblem(outcomes));
        }

        var kept = byDate.Take(MaxDates).ToList();
        var windows = kept
            .SelectMany(day => day.Value.Select(span => new TimeWindow(_calendar.At(day.Key, span.Start), _calendar.At(day.Key, span.End))))
            .Where(window => window.Start < window.End) // a span inside a spring-forward gap does not exist
            .ToList();
        if (windows.Count == 0)
        {
            return PreferredTimeResult.Invalid(_text.NothingLeft());
        }

        var describer = new PreferredTimeDescriber(_calendar, _today);
        var descriptions = outcomes
            .Select(o => (o, Days: o.Days.Where(d => d.Date <= kept[^1].Key).ToList()))
            .Where(x => x.Days.Count > 0)
            .Select(x => describer.Describe(x.o.Plan, x.Days, x.o.IsRange));
        return new PreferredTimeResult(true, windows, string.Join(" or ", descriptions), null);
    }

    private ClauseOutcome ResolveClause(RequestClause clause, IReadOnlyList<TimePhrase> excludedTimes)
    {
        var plan = _planner.Plan(clause.Times, excludedTimes);
        var candidates = new List<Candidate>();
        var problem = plan.Problem ?? CollectDays(clause, plan.Spans, candidates);
        if (problem is not null)
        {
            return new ClauseOutcome(plan, [], false, [], problem);
        }

        var days = new List<ResolvedDay>();
        var issues = new List<Issue>();
        foreach (var candidate in candidates.DistinctBy(c => c.Date))
        {
            var status = Check(candidate.Date, plan.Spans, out var available);
            if (status == DayStatus.Open)
            {
                days.Add(new ResolvedDay(candidate.Date, available));
            }
            else
            {
                issues.Add(new Issue(candidate, status));
            }
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return new ClauseOutcome(plan, days, candidates.Exists(c => c.FromRange), issues, null);
    }

    private DayStatus Check(DateOnly date, IReadOnlyList<MinuteSpan> spans, out IReadOnlyList<MinuteSpan> available)
    {
        available = [];
        if (date < _today)
        {
            return DayStatus.Past;
        }

        if (!_calendar.IsOpenWeekday(date.DayOfWeek))
        {
            return DayStatus.ClosedWeekday;
        }

        if (_calendar.IsClosedDate(date))
        {
            return DayStatus.ClosedDate;
        }

        if (_excludedDates.Contains(date) || _excludedWeekdays.Contains(date.DayOfWeek))
        {
            return DayStatus.Excluded;
        }

        available = date == _today ? MinuteSpan.Intersect(spans, new MinuteSpan(_earliestToday, MinuteSpan.Day.End)) : spans;
        return available.Count > 0 ? DayStatus.Open
            : _earliestToday >= _calendar.OpeningHours.End ? DayStatus.ClosedForToday
            : DayStatus.TimePassed;
    }

    private string PickProblem(IReadOnlyList<ClauseOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.Problem is not null)
            {
                return outcome.Problem;
            }

            if (outcome.Issues.FirstOrDefault(i => !i.Candidate.FromRange && i.Status != DayStatus.Excluded) is { } issue)
            {
                return Message(issue, outcome.Plan);
            }
        }

        var fallback = outcomes.SelectMany(o => o.Issues.Select(i => (Issue: i, o.Plan))).FirstOrDefault(x => x.Issue.Status != DayStatus.Excluded);
        return fallback.Issue is null ? _text.NothingLeft() : Message(fallback.Issue, fallback.Plan);
    }

    private string Message(Issue issue, TimePlan plan) => issue.Status switch
    {
        DayStatus.Past when issue.Candidate.Source.Kind == DayPhraseKind.LastWeek => PreferredTimeText.LastWeekPast,
        DayStatus.Past => PreferredTimeText.Past(issue.Candidate.Date),
        DayStatus.ClosedWeekday => _text.ClosedWeekdays(),
        DayStatus.ClosedDate => _text.ClosedDate(issue.Candidate.Date),
        DayStatus.ClosedForToday => _text.ClosedForToday(issue.Candidate.Source.Tonight),
        DayStatus.TimePassed => PreferredTimeText.TimePassed(plan.PassedLabel, _nowMinutes),
        _ => _text.NothingLeft(),
    };

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static int DaysFromMonday(DayOfWeek day) => ((int)day + 6) % 7;

    private static bool IsMondayToFriday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private sealed record Candidate(DateOnly Date, DayPhrase Source, bool FromRange);

    private sealed record Issue(Candidate Candidate, DayStatus Status);

    private sealed record ClauseOutcome(TimePlan Plan, IReadOnlyList<ResolvedDay> Days, bool IsRange, IReadOnlyList<Issue> Issues, string? Problem);
}
