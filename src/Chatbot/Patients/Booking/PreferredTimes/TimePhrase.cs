namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>A recognised time-of-day phrase.</summary>
/// <param name="Kind">What kind of phrase.</param>
/// <param name="Part">The part of day for <see cref="TimePhraseKind.Part"/>, or for "after lunch" / "before lunch".</param>
/// <param name="From">The (first) time, when one was said.</param>
/// <param name="To">The second time of <see cref="TimePhraseKind.Between"/>.</param>
internal sealed record TimePhrase(TimePhraseKind Kind, DayPart? Part = null, ClockTime? From = null, ClockTime? To = null);
