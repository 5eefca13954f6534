namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>
/// Days and times that belong together: "tomorrow morning or Friday afternoon" is two clauses, while
/// "Monday or Wednesday morning" is one (the morning applies to both days).
/// </summary>
internal sealed class RequestClause
{
    public List<DayPhrase> Days { get; } = [];

    public List<DayPhrase> Scopes { get; } = [];

    public List<TimePhrase> Times { get; } = [];

    public bool IsEmpty => Days.Count == 0 && Scopes.Count == 0 && Times.Count == 0;
}
