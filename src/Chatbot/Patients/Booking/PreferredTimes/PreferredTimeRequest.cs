namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Everything recognised in one answer, before it is resolved against the calendar.</summary>
internal sealed class PreferredTimeRequest
{
    public List<RequestClause> Clauses { get; } = [];

    /// <summary>Days the patient ruled out ("except Friday", "I can't do Mondays").</summary>
    public List<DayPhrase> ExcludedDays { get; } = [];

    /// <summary>Times the patient ruled out ("not mornings", "not before 10").</summary>
    public List<TimePhrase> ExcludedTimes { get; } = [];

    /// <summary>A negation whose target is unclear ("Tuesday doesn't work"): better to ask again than to guess.</summary>
    public bool UnclearNegation { get; set; }

    public bool IsEmpty => Clauses.TrueForAll(c => c.IsEmpty) && ExcludedDays.Count == 0 && ExcludedTimes.Count == 0;
}
