using static Chatbot.Patients.Booking.PreferredTimes.TimeWords;

namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Times of day: parts of the day, "at 2", "after 3 pm", "around 10", "between 1 and 3", "half past two".</summary>
internal sealed class TimeRecognizer(TokenCursor cursor, PreferredTimeRequestBuilder builder)
{
    public bool TryTime()
    {
        var token = cursor.Peek();
        if (token.IsAny("between", "from"))
        {
            if (TryClock(1, out var from, out var used) && IsRangeJoin(cursor.Peek(1 + used), allowAnd: true) && TryClock(2 + used, out var to, out var usedTo))
            {
                return builder.Consume(2 + used + usedTo, new TimePhrase(TimePhraseKind.Between, From: from, To: to));
            }

            return token.Is("from") && TryClock(1, out from, out used) && builder.Consume(1 + used, new TimePhrase(TimePhraseKind.After, From: from));
        }

        if (token.IsAny("after", "before", "until", "around", "at"))
        {
            var kind = token.Word switch
            {
                "after" => TimePhraseKind.After,
                "before" or "until" => TimePhraseKind.Before,
                "around" => TimePhraseKind.Around,
                _ => TimePhraseKind.At,
            };
            if (TryClock(1, out var time, out var used))
            {
                if (kind == TimePhraseKind.At && IsRangeJoin(cursor.Peek(1 + used), allowAnd: false) && TryClock(2 + used, out var to, out var usedTo))
                {
                    return builder.Consume(2 + used + usedTo, new TimePhrase(TimePhraseKind.Between, From: time, To: to));
                }

                return builder.Consume(1 + used, new TimePhrase(kind, From: time));
            }

            return kind is TimePhraseKind.After or TimePhraseKind.Before && PartOf(cursor.Peek(1)) is { } part && builder.Consume(2, new TimePhrase(kind, part));
        }

        if (PartOf(token) is { } dayPart)
        {
            return builder.Consume(1, new TimePhrase(TimePhraseKind.Part, dayPart));
        }

        if (!TryClock(0, out var clock, out var length))
        {
            return false;
        }

        if (IsRangeJoin(cursor.Peek(length), allowAnd: false) && TryClock(length + 1, out var end, out var endLength))
        {
            return builder.Consume(length + 1 + endLength, new TimePhrase(TimePhraseKind.Between, From: clock, To: end));
        }

        if (!clock.Explicit && (clock.Hour is < 1 or > 12 || cursor.Peek(length).IsAny("day", "week", "time", "few")))
        {
            return false;
        }

        return cursor.Peek(length).Is("around")
            ? builder.Consume(length + 1, new TimePhrase(TimePhraseKind.Around, From: clock))
            : builder.Consume(length, new TimePhrase(TimePhraseKind.At, From: clock));
    }

    private static bool IsRangeJoin(TimeToken token, bool allowAnd) =>
        token.Kind == TimeTokenKind.Dash || token.IsAny("to", "until") || (allowAnd && token.Is("and"));

    private bool TryClock(int offset, out ClockTime time, out int used)
    {
        var token = cursor.Peek(offset);
        (time, used) = (default, 0);
        if (token.IsAny("noon", "midnight"))
        {
            (time, used) = (token.Is("noon") ? new ClockTime(12, 0, true, true) : new ClockTime(12, 0, false, true), 1);
            return true;
        }

        if (token.IsAny("half", "quarter") && cursor.Peek(offset + 1).IsAny("after", "to") && cursor.Peek(offset + 2) is { Kind: TimeTokenKind.Number, A: >= 1 and <= 12 } hourToken
            && !(token.Is("half") && cursor.Peek(offset + 1).Is("to")))
        {
            // "half past two", "quarter past 10", "quarter to 3"
            var before = cursor.Peek(offset + 1).Is("to");
            var hour = before ? (hourToken.A == 1 ? 12 : hourToken.A - 1) : hourToken.A;
            var minute = before ? 45 : token.Is("half") ? 30 : 15;
            bool? meridiem = cursor.Peek(offset + 3).Is("am") ? false : cursor.Peek(offset + 3).Is("pm") ? true : null;
            used = meridiem is null ? 3 : 4;
            time = new ClockTime(hour, minute, meridiem ?? PartHint(offset + used), true);
            return true;
        }

        if (token.Kind == TimeTokenKind.Number && token.A == 12 && cursor.Peek(offset + 1).Is("noon"))
        {
            (time, used) = (new ClockTime(12, 0, true, true), 2);
            return true;
        }

        var isClock = token.Kind == TimeTokenKind.Clock && token.A <= 24 && token.B < 60;
        if (!isClock && !(token.Kind == TimeTokenKind.Number && token.A <= 24))
        {
            return false;
        }

        used = 1;
        var isExplicit = isClock;
        if (cursor.Peek(offset + used).Is("oclock"))
        {
            (isExplicit, used) = (true, used + 1);
        }

        bool? isPm = cursor.Peek(offset + used).Is("am") ? false : cursor.Peek(offset + used).Is("pm") ? true : null;
        if (isPm is not null)
        {
            (isExplicit, used) = (true, used + 1);
        }

        time = new ClockTime(token.A, isClock ? token.B : 0, isPm ?? PartHint(offset + used), isExplicit);
        return true;
    }

    /// <summary>"10 in the morning" is am, "7 in the evening" pm: the part of day is still read as its own phrase.</summary>
    private bool? PartHint(int offset)
    {
        while (cursor.Peek(offset).IsAny("in", "the"))
        {
            offset++;
        }

        return PartOf(cursor.Peek(offset)) switch
        {
            DayPart.Morning => false,
            DayPart.Afternoon or DayPart.Evening => true,
            _ => null,
        };
    }
}
