namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>A span of clinic-local time in which a patient would like to come in.</summary>
/// <param name="Start">When the span begins, with the clinic's UTC offset on that date (DST-aware).</param>
/// <param name="End">When the span ends (exclusive); always after <paramref name="Start"/> and on the same clinic-local date.</param>
/// <remarks>
/// Spans always lie within opening hours on an open day. A request for one time ("at 3 pm") becomes a 30-minute span
/// starting then; "around 10 am" becomes 9–11 am.
/// </remarks>
public sealed record TimeWindow(DateTimeOffset Start, DateTimeOffset End);
