namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// The request being built: puts each recognised phrase into the current clause, starts a new clause on the second
/// switch between days and times, and sends ruled-out phrases to the exclusions.
/// </summary>
internal sealed class PreferredTimeRequestBuilder
{
    private readonly TokenCursor _cursor;
    private readonly NegationState _negation;
    private RequestClause _clause = new();
    private PhraseCategory? _clauseFirst;
    private PhraseCategory? _clauseLast;
    private bool _clauseSwitched;
    private int _groupStart;
    private int _lastItemEnd;
    private int _phraseStart;

    public PreferredTimeRequestBuilder(TokenCursor cursor, NegationState negation)
    {
        (_cursor, _negation) = (cursor, negation);
        Request.Clauses.Add(_clause);
    }

    public PreferredTimeRequest Request { get; } = new();

    /// <summary>True once a day or time was wanted: a negation after it may have meant it ("Tuesday doesn't work").</summary>
    public bool SeenItem { get; private set; }

    /// <summary>Marks where the phrase about to be read starts (what lies between phrases decides lists and groups).</summary>
    public void BeginPhrase() => _phraseStart = _cursor.Index;

    /// <summary>Moves past a recognised phrase of <paramref name="length"/> tokens and adds it.</summary>
    public bool Consume(int length, DayPhrase day)
    {
        _cursor.Advance(length);
        Add(day);
        return true;
    }

    /// <summary>Moves past a recognised phrase of <paramref name="length"/> tokens and adds it.</summary>
    public bool Consume(int length, TimePhrase time)
    {
        _cursor.Advance(length);
        Add(time);
        return true;
    }

    public void Add(DayPhrase day)
    {
        if (_negation.IsNegated(PhraseCategory.Day))
        {
            Request.ExcludedDays.Add(day);
            return;
        }

        if (day.IsWeekScope)
        {
            _clause.Scopes.Add(day);
        }
        else
        {
            Place(PhraseCategory.Day);
            if (_clause.Days.Count > 0 && _cursor.Between(_lastItemEnd, _phraseStart).Any(t => t.Kind == TimeTokenKind.Comma || t.IsAny("or", "and")))
            {
                _groupStart = _clause.Days.Count;
            }

            _clause.Days.Add(day);
        }

        (SeenItem, _lastItemEnd) = (true, _cursor.Index);
    }

    public void Add(TimePhrase time)
    {
        if (_negation.RulesOutDays && _phraseStart > 0 && _cursor[_phraseStart - 1].Kind != TimeTokenKind.Comma)
        {
            // "I can't do Tuesday morning": the time belongs to the day ruled out, not to the days that are left.
            return;
        }

        if (_negation.IsNegated(PhraseCategory.Time))
        {
            Request.ExcludedTimes.Add(time);
            return;
        }

        Place(PhraseCategory.Time);
        _clause.Times.Add(time);
        (SeenItem, _lastItemEnd) = (true, _cursor.Index);
    }

    private void Place(PhraseCategory category)
    {
        if (_clauseLast is null || _clauseLast == category)
        {
            (_clauseFirst, _clauseLast) = (_clauseFirst ?? category, category);
            return;
        }

        if (!_clauseSwitched)
        {
            (_clauseSwitched, _clauseLast) = (true, category);
            return;
        }

        var previous = _clause;
        var previousStartedWithTime = _clauseFirst == PhraseCategory.Time;
        _clause = new RequestClause();
        Request.Clauses.Add(_clause);
        (_clauseFirst, _clauseLast, _clauseSwitched) = (category, category, false);
        if (category == PhraseCategory.Time && previousStartedWithTime && _groupStart > 0)
        {
            // "at 3 on Tuesday, or Wednesday morning": the days after the last "or" go with the new time.
            _clause.Days.AddRange(previous.Days.Skip(_groupStart));
            previous.Days.RemoveRange(_groupStart, previous.Days.Count - _groupStart);
            (_clauseFirst, _clauseSwitched) = (PhraseCategory.Day, true);
        }

        _groupStart = 0;
    }
}
