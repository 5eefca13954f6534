using System.Collections.Frozen;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Reads tokens left to right into day and time phrases, groups them into clauses, and applies negation
/// ("except Friday", "I can't do mornings"). Words it does not know are skipped, so fillers ("I'd like", "please")
/// cost nothing; an answer with no phrase at all is reported as not understood by the caller.
/// </summary>
/// <remarks>
/// Clauses: a clause holds days then times, or times then days; the second switch between the two starts a new
/// clause. "Monday or Wednesday morning" is one clause (both mornings), "tomorrow morning or Friday afternoon" two.
/// When a clause that began with a time meets a second time, the days after its last "or" move to the new clause
/// ("at 3 on Tuesday, or Wednesday morning"). Week phrases ("this week") never switch, they scope the clause's weekday names.
/// Negation: "not", "except", "other than", "can't", "don't", "busy", "no" (before a day or part of day) and "but"
/// (before a weekday) rule out the phrases that follow, as long as they are of the same kind (days or times) and
/// joined by "and", "or", commas; a time right after a ruled-out day belongs to it ("can't do Tuesday morning" rules out
/// Tuesday). A negation after the thing it negates ("Tuesday doesn't work", "Monday I'm busy")
/// is reported as unclear rather than guessed.
/// </remarks>
internal sealed partial class PreferredTimeRecognizer
{
    private static readonly FrozenSet<string> NegationFillers = FrozenSet.ToFrozenSet(
        ["do", "make", "come", "go", "get", "on", "the", "any", "in", "it", "be", "there", "attend", "manage", "able", "to", "i", "me", "really", "doing", "for"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Connectors = FrozenSet.ToFrozenSet(["and", "or", "on", "the", "in", "any", "every", "at"], StringComparer.Ordinal);

    private readonly IReadOnlyList<TimeToken> _tokens;
    private readonly PreferredTimeRequest _request = new();
    private RequestClause _clause = new();
    private Category? _clauseFirst;
    private Category? _clauseLast;
    private bool _clauseSwitched;
    private int _groupStart;
    private int _lastItemEnd;
    private int _index;
    private Negation _negation;
    private Category _negatedCategory;
    private bool _danglingNegationIsUnclear;
    private bool _hadNegation;
    private bool _seenItem;
    private DayPhrase? _lastWeekday;
    private int _lastWeekdayEnd = -1;
    private int _phraseStart;

    private PreferredTimeRecognizer(IReadOnlyList<TimeToken> tokens)
    {
        _tokens = tokens;
        _request.Clauses.Add(_clause);
    }

    private enum Category
    {
        Day,
        Time,
    }

    private enum Negation
    {
        None,
        Pending,
        Active,
    }

    public static PreferredTimeRequest Recognize(IReadOnlyList<TimeToken> tokens)
    {
        var recognizer = new PreferredTimeRecognizer(tokens);
        recognizer.Run();
        return recognizer._request;
    }

    private void Run()
    {
        while (_index < _tokens.Count)
        {
            _phraseStart = _index;
            if (!TryNegation() && !TryDate() && !TryDay() && !TryTime())
            {
                Skip();
            }
        }

        if (_negation == Negation.Pending && _danglingNegationIsUnclear && _seenItem)
        {
            _request.UnclearNegation = true;
        }
    }

    private TimeToken Peek(int offset = 0) => _index + offset >= 0 && _index + offset < _tokens.Count ? _tokens[_index + offset] : default;

    private void Skip()
    {
        var token = _tokens[_index++];
        if (_negation == Negation.Pending && !(token.Kind == TimeTokenKind.Word && NegationFillers.Contains(token.Word!)))
        {
            _negation = Negation.None;
        }
        else if (_negation == Negation.Active && token.Kind != TimeTokenKind.Comma && !(token.Kind == TimeTokenKind.Word && Connectors.Contains(token.Word!)))
        {
            _negation = Negation.None;
        }
    }

    private bool TryNegation()
    {
        var token = Peek();
        if ((token.Is("no") && Peek(1).Is("preference")) || (token.Is("dont") && Peek(1).IsAny("mind", "care", "matter")))
        {
            _index += 2;
            Add(new DayPhrase(DayPhraseKind.AnyDay));
            return true;
        }

        if (token.IsAny("not", "cant", "dont", "no") && Peek(1).Is("work"))
        {
            // "Tuesday doesn't work", "mornings are no good": the negated thing came first.
            _request.UnclearNegation |= _seenItem;
            _index += 2;
            return true;
        }

        if (token.Is("bad"))
        {
            _request.UnclearNegation |= _seenItem;
            _index++;
            return true;
        }

        if (token.Is("but") && _hadNegation)
        {
            // "not Tuesday but Wednesday": what follows is wanted.
            _negation = Negation.None;
            _index++;
            return true;
        }

        var length = token.Is("except") ? 1
            : (token.Is("other") && Peek(1).Is("than")) || (token.Is("apart") && Peek(1).Is("from")) ? 2
            : token.IsAny("not", "cant", "dont", "busy") ? 1
            : token.Is("no") && StartsDayOrPart(Peek(1)) ? 1
            : token.Is("but") && (WeekdayOf(Peek(1)) is not null || Peek(1).Is("weekend")) ? 1
            : 0;
        if (length == 0)
        {
            return false;
        }

        _index += length;
        _negation = Negation.Pending;
        _danglingNegationIsUnclear = token.IsAny("not", "cant", "dont", "busy");
        return true;
    }

    private static bool StartsDayOrPart(TimeToken token) =>
        WeekdayOf(token) is not null || PartOf(token) is not null || token.IsAny("weekend", "weekday", "today", "tomorrow");

    private bool IsNegated(Category category)
    {
        switch (_negation)
        {
            case Negation.Pending:
                (_negation, _negatedCategory, _hadNegation) = (Negation.Active, category, true);
                return true;
            case Negation.Active when _negatedCategory == category:
                return true;
            default:
                _negation = Negation.None;
                return false;
        }
    }

    private void Add(DayPhrase day)
    {
        if (IsNegated(Category.Day))
        {
            _request.ExcludedDays.Add(day);
            return;
        }

        if (day.IsWeekScope)
        {
            _clause.Scopes.Add(day);
        }
        else
        {
            Place(Category.Day);
            if (_clause.Days.Count > 0 && _tokens.Skip(_lastItemEnd).Take(_phraseStart - _lastItemEnd).Any(t => t.Kind == TimeTokenKind.Comma || t.IsAny("or", "and")))
            {
                _groupStart = _clause.Days.Count;
            }

            _clause.Days.Add(day);
        }

        (_seenItem, _lastItemEnd) = (true, _index);
    }

    private void Add(TimePhrase time)
    {
        if (_negation == Negation.Active && _negatedCategory == Category.Day && _phraseStart > 0 && _tokens[_phraseStart - 1].Kind != TimeTokenKind.Comma)
        {
            // "I can't do Tuesday morning": the time belongs to the day ruled out, not to the days that are left.
            return;
        }

        if (IsNegated(Category.Time))
        {
            _request.ExcludedTimes.Add(time);
            return;
        }

        Place(Category.Time);
        _clause.Times.Add(time);
        (_seenItem, _lastItemEnd) = (true, _index);
    }

    private void Place(Category category)
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
        var previousStartedWithTime = _clauseFirst == Category.Time;
        _clause = new RequestClause();
        _request.Clauses.Add(_clause);
        (_clauseFirst, _clauseLast, _clauseSwitched) = (category, category, false);
        if (category == Category.Time && previousStartedWithTime && _groupStart > 0)
        {
            // "at 3 on Tuesday, or Wednesday morning": the days after the last "or" go with the new time.
            _clause.Days.AddRange(previous.Days.Skip(_groupStart));
            previous.Days.RemoveRange(_groupStart, previous.Days.Count - _groupStart);
            (_clauseFirst, _clauseSwitched) = (Category.Day, true);
        }

        _groupStart = 0;
    }
}
