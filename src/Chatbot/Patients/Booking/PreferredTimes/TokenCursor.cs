namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// The position in the tokens of one answer, shared by the recognizers of days, dates, times and negation: each looks
/// ahead with <see cref="Peek"/> and moves on with <see cref="Advance"/> only once it has recognised a phrase.
/// </summary>
internal sealed class TokenCursor(IReadOnlyList<TimeToken> tokens)
{
    /// <summary>The position of the next token to read.</summary>
    public int Index { get; private set; }

    public bool AtEnd => Index >= tokens.Count;

    /// <summary>The token at an absolute position (which must exist).</summary>
    public TimeToken this[int position] => tokens[position];

    /// <summary>The token <paramref name="offset"/> away from the cursor; an empty token past either end, so look-ahead needs no bounds checks.</summary>
    public TimeToken Peek(int offset = 0) => Index + offset >= 0 && Index + offset < tokens.Count ? tokens[Index + offset] : default;

    public void Advance(int count = 1) => Index += count;

    /// <summary>Reads the next token and moves past it.</summary>
    public TimeToken Next() => tokens[Index++];

    /// <summary>The tokens from <paramref name="start"/> up to, not including, <paramref name="end"/>.</summary>
    public IEnumerable<TimeToken> Between(int start, int end) => tokens.Skip(start).Take(end - start);
}
