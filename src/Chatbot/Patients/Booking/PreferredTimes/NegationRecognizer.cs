using static Chatbot.Patients.Booking.PreferredTimes.TimeWords;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Negation words: "not", "except", "other than", "apart from", "can't", "don't", "busy", "no" (before a day or part of
/// day) and "but" (before a weekday) start ruling out what follows; "no preference" and "don't mind" mean any day; a
/// negation after its target ("Tuesday doesn't work", "mornings are bad") is marked unclear.
/// </summary>
internal sealed class NegationRecognizer(TokenCursor cursor, PreferredTimeRequestBuilder builder, NegationState negation)
{
    public bool TryNegation()
    {
        var token = cursor.Peek();
        if ((token.Is("no") && cursor.Peek(1).Is("preference")) || (token.Is("dont") && cursor.Peek(1).IsAny("mind", "care", "matter")))
        {
            return builder.Consume(2, new DayPhrase(DayPhraseKind.AnyDay));
        }

        if (token.IsAny("not", "cant", "dont", "no") && cursor.Peek(1).Is("work"))
        {
            // "Tuesday doesn't work", "mornings are no good": the negated thing came first.
            builder.Request.UnclearNegation |= builder.SeenItem;
            cursor.Advance(2);
            return true;
        }

        if (token.Is("bad"))
        {
            builder.Request.UnclearNegation |= builder.SeenItem;
            cursor.Advance();
            return true;
        }

        if (token.Is("but") && negation.HadNegation)
        {
            // "not Tuesday but Wednesday": what follows is wanted.
            negation.End();
            cursor.Advance();
            return true;
        }

        var length = token.Is("except") ? 1
            : (token.Is("other") && cursor.Peek(1).Is("than")) || (token.Is("apart") && cursor.Peek(1).Is("from")) ? 2
            : token.IsAny("not", "cant", "dont", "busy") ? 1
            : token.Is("no") && StartsDayOrPart(cursor.Peek(1)) ? 1
            : token.Is("but") && (WeekdayOf(cursor.Peek(1)) is not null || cursor.Peek(1).Is("weekend")) ? 1
            : 0;
        if (length == 0)
        {
            return false;
        }

        cursor.Advance(length);
        negation.Begin(danglingIsUnclear: token.IsAny("not", "cant", "dont", "busy"));
        return true;
    }

    private static bool StartsDayOrPart(TimeToken token) =>
        WeekdayOf(token) is not null || PartOf(token) is not null || token.IsAny("weekend", "weekday", "today", "tomorrow");
}
