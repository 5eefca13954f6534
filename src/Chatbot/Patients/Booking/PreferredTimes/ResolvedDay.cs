namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>An open date and the spans wanted on it.</summary>
internal sealed record ResolvedDay(DateOnly Date, IReadOnlyList<MinuteSpan> Spans);
