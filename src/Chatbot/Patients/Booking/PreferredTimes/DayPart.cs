namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Named parts of the day.</summary>
internal enum DayPart
{
    /// <summary>Opening to 12:00.</summary>
    Morning,

    /// <summary>12:00 to closing.</summary>
    Afternoon,

    /// <summary>16:00 to closing ("evening", "night", "tonight").</summary>
    Evening,

    /// <summary>11:30 to 13:30.</summary>
    Lunch,
}
