namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Kinds of <see cref="TimeToken"/>.</summary>
internal enum TimeTokenKind
{
    /// <summary>A word, already mapped to its canonical spelling ("tues" → "tuesday").</summary>
    Word,

    /// <summary>A whole number in <see cref="TimeToken.A"/>.</summary>
    Number,

    /// <summary>"3rd": the number in <see cref="TimeToken.A"/>.</summary>
    Ordinal,

    /// <summary>"2:30": hour in <see cref="TimeToken.A"/>, minute in <see cref="TimeToken.B"/>.</summary>
    Clock,

    /// <summary>"12/3" or "12/3/2026": first, second and year (0 when missing, -1 when unusable) in A, B, C.</summary>
    SlashDate,

    /// <summary>"2026-12-03": year, month, day in A, B, C.</summary>
    IsoDate,

    /// <summary>A dash between times ("1-3 pm").</summary>
    Dash,

    /// <summary>A comma or semicolon: it ends a pending negation ("no, Tuesday").</summary>
    Comma,
}
