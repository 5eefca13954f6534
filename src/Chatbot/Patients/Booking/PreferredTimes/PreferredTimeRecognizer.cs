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
/// <para>
/// The work is shared out over one <see cref="TokenCursor"/> and one <see cref="PreferredTimeRequestBuilder"/>:
/// <see cref="NegationRecognizer"/>, <see cref="DateRecognizer"/>, <see cref="DayRecognizer"/> and
/// <see cref="TimeRecognizer"/> each try to read a phrase at the cursor; the first that does wins.
/// </para>
/// </remarks>
internal sealed class PreferredTimeRecognizer
{
    private readonly TokenCursor _cursor;
    private readonly NegationState _negation = new();
    private readonly PreferredTimeRequestBuilder _builder;
    private readonly NegationRecognizer _negations;
    private readonly DateRecognizer _dates;
    private readonly DayRecognizer _days;
    private readonly TimeRecognizer _times;

    private PreferredTimeRecognizer(IReadOnlyList<TimeToken> tokens)
    {
        _cursor = new TokenCursor(tokens);
        _builder = new PreferredTimeRequestBuilder(_cursor, _negation);
        _negations = new NegationRecognizer(_cursor, _builder, _negation);
        _dates = new DateRecognizer(_cursor, _builder);
        _days = new DayRecognizer(_cursor, _builder, _negation, _dates);
        _times = new TimeRecognizer(_cursor, _builder);
    }

    public static PreferredTimeRequest Recognize(IReadOnlyList<TimeToken> tokens)
    {
        var recognizer = new PreferredTimeRecognizer(tokens);
        recognizer.Run();
        return recognizer._builder.Request;
    }

    private void Run()
    {
        while (!_cursor.AtEnd)
        {
            _builder.BeginPhrase();
            if (!_negations.TryNegation() && !_dates.TryDate() && !_days.TryDay() && !_times.TryTime())
            {
                // Fillers ("I'd like", "please") cost nothing, but they may end a negation.
                _negation.OnSkipped(_cursor.Next());
            }
        }

        if (_negation.IsDanglingAndUnclear && _builder.SeenItem)
        {
            _builder.Request.UnclearNegation = true;
        }
    }
}
