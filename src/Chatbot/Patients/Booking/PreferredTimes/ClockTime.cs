namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>A time as the patient said it, before am/pm is settled against opening hours.</summary>
/// <param name="Hour">0–24 as written.</param>
/// <param name="Minute">0–59.</param>
/// <param name="IsPm"><see langword="true"/> for pm, <see langword="false"/> for am, <see langword="null"/> when not said.</param>
/// <param name="Explicit">Written unmistakably as a time (am/pm, "2:30", "o'clock", "noon").</param>
internal readonly record struct ClockTime(int Hour, int Minute, bool? IsPm, bool Explicit);
