namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Whether a wanted date can be offered, and if not, why (each reason has its own message to the patient).</summary>
internal enum DayStatus
{
    Open,
    Past,
    ClosedWeekday,
    ClosedDate,
    Excluded,
    ClosedForToday,
    TimePassed,
}
