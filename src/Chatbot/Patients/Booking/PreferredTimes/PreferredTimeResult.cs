namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>What <see cref="PreferredTimeParser"/> made of a patient's answer to "When would you like to come in?".</summary>
/// <param name="IsValid"><see langword="true"/> when at least one <see cref="TimeWindow"/> was found.</param>
/// <param name="Windows">The requested spans in chronological order (at most one day's worth per date, 14 dates at most); empty when not valid.</param>
/// <param name="Description">
/// A short summary for the confirmation and for staff, e.g. <c>Tuesday, December 1 (afternoon, 12–5 pm)</c> or
/// <c>weekday mornings, Nov 30 – Dec 4</c>; empty when not valid.
/// </param>
/// <param name="Problem">A patient-facing explanation when not valid (past day, closed day, outside hours, not understood); otherwise <see langword="null"/>.</param>
public sealed record PreferredTimeResult(bool IsValid, IReadOnlyList<TimeWindow> Windows, string Description, string? Problem)
{
    internal static PreferredTimeResult Invalid(string problem) => new(false, [], string.Empty, problem);
}
