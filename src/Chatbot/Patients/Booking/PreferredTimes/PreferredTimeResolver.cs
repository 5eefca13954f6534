namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Resolves recognised phrases against the clinic calendar at one moment: which dates they mean, which of those are
/// open, and the spans left on each. See <see cref="PreferredTimeParser"/> for the rules.
/// </summary>
internal sealed class PreferredTimeResolver
{
    private const int MaxDates = 14;

    private readonly ClinicCalendar _calendar;
    private readonly PreferredTimeText _text;
    private readonly TimePlanner _planner;
    private readonly DayAvailability _availability;
    private readonly DayPhraseDates _dates;
    private readonly ClauseDayCollector _days;

    /// <param name="calendar">The clinic calendar.</param>
    /// <param name="localNow">Now, in the clinic's time zone.</param>
    public PreferredTimeResolver(ClinicCalendar calendar, DateTimeOffset localNow)
    {
        _calendar = calendar;
        _text = new PreferredTimeText(calendar);
        _planner = new TimePlanner(calendar, _text);
        _availability = new DayAvailability(calendar, localNow);
        _dates = new DayPhraseDates(calendar, _availability);
        _days = new ClauseDayCollector(_availability, _dates);
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

        var describer = new PreferredTimeDescriber(_calendar, _availability.Today);
        var descriptions = outcomes
            .Select(o => (o, Days: o.Days.Where(d => d.Date <= kept[^1].Key).ToList()))
            .Where(x => x.Days.Count > 0)
            .Select(x => describer.Describe(x.o.Plan, x.Days, x.o.IsRange));
        return new PreferredTimeResult(true, windows, string.Join(" or ", descriptions), null);
    }

    private ClauseOutcome ResolveClause(RequestClause clause, IReadOnlyList<TimePhrase> excludedTimes)
    {
        var plan = _planner.Plan(clause.Times, excludedTimes);
        var candidates = new List<DayCandidate>();
        var problem = plan.Problem ?? _days.Collect(clause, plan.Spans, candidates);
        if (problem is not null)
        {
            return new ClauseOutcome(plan, [], false, [], problem);
        }

        var days = new List<ResolvedDay>();
        var issues = new List<Issue>();
        foreach (var candidate in candidates.DistinctBy(c => c.Date))
        {
            var status = _availability.Check(candidate.Date, plan.Spans, out var available);
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
        DayStatus.TimePassed => PreferredTimeText.TimePassed(plan.PassedLabel, _availability.NowMinutes),
        _ => _text.NothingLeft(),
    };

    /// <summary>Rules out the days of a phrase the patient does not want ("except Friday", "not next week").</summary>
    private void Exclude(DayPhrase phrase)
    {
        switch (phrase.Kind)
        {
            case DayPhraseKind.Weekday when phrase.Until is { } until && DayPhraseDates.IsPlainOrThis(phrase):
                for (var day = phrase.Weekday; ; day = (DayOfWeek)(((int)day + 1) % 7))
                {
                    _availability.ExcludedWeekdays.Add(day);
                    if (day == until.Weekday)
                    {
                        break;
                    }
                }

                break;
            case var _ when phrase.Until is not null:
                _availability.ExcludedDates.UnionWith(_dates.RangeDates(phrase, [], [_calendar.OpeningHours]));
                break;
            case DayPhraseKind.Weekday when DayPhraseDates.IsPlainOrThis(phrase):
                _availability.ExcludedWeekdays.Add(phrase.Weekday);
                break;
            case DayPhraseKind.Weekend:
                _availability.ExcludedWeekdays.UnionWith([DayOfWeek.Saturday, DayOfWeek.Sunday]);
                break;
            case DayPhraseKind.Weekdays:
                _availability.ExcludedWeekdays.UnionWith([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
                break;
            case DayPhraseKind.AnyDay:
                break;
            case var _ when phrase.IsWeekScope:
                _availability.ExcludedDates.UnionWith(Enumerable.Range(0, 7).Select(_dates.WeekMonday(phrase).AddDays));
                break;
            default:
                if (_dates.SingleDate(phrase, [_calendar.OpeningHours]) is { } date)
                {
                    _availability.ExcludedDates.Add(date);
                }

                break;
        }
    }

    private sealed record Issue(DayCandidate Candidate, DayStatus Status);

    private sealed record ClauseOutcome(TimePlan Plan, IReadOnlyList<ResolvedDay> Days, bool IsRange, IReadOnlyList<Issue> Issues, string? Problem);
}
