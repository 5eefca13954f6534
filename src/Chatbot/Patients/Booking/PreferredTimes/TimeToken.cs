namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>One token of a patient's answer; see <see cref="TimeTokenKind"/> for what A, B and C hold.</summary>
internal readonly record struct TimeToken(TimeTokenKind Kind, string? Word, int A = 0, int B = 0, int C = 0)
{
    public bool Is(string word) => Kind == TimeTokenKind.Word && string.Equals(Word, word, StringComparison.Ordinal);

    public bool IsAny(params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (Is(word))
            {
                return true;
            }
        }

        return false;
    }
}
