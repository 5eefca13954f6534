namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>The word in front of a weekday name.</summary>
internal enum WeekdayModifier
{
    /// <summary>"Tuesday", "on Tuesday": the next one from today (today while there is still time).</summary>
    None,

    /// <summary>"this Tuesday": the next one from today, today included even when its time has passed.</summary>
    This,

    /// <summary>"this coming Tuesday", "coming Tuesday": the next one after today.</summary>
    Coming,

    /// <summary>"next Tuesday": the Tuesday of next week (weeks run Monday to Sunday).</summary>
    Next,

    /// <summary>"last Tuesday": the Tuesday of last week.</summary>
    Last,
}
