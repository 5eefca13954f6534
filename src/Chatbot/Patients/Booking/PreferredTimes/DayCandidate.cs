namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>A date a clause's day phrase means, before it is checked against the calendar.</summary>
/// <param name="Date">The date.</param>
/// <param name="Source">The phrase that named it (its message when the date cannot be offered).</param>
/// <param name="FromRange">Part of a range or a filled week: a closed day in it is skipped rather than reported.</param>
internal sealed record DayCandidate(DateOnly Date, DayPhrase Source, bool FromRange);
