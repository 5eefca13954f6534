namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>Kinds of <see cref="TimePhrase"/>.</summary>
internal enum TimePhraseKind
{
    /// <summary>A <see cref="DayPart"/>.</summary>
    Part,

    /// <summary>"at 2", "2:30 pm": 30 minutes from then.</summary>
    At,

    /// <summary>"around 10 am": an hour either side.</summary>
    Around,

    /// <summary>"after 3 pm", "after lunch".</summary>
    After,

    /// <summary>"before 10", "before lunch".</summary>
    Before,

    /// <summary>"between 1 and 3", "1-3 pm".</summary>
    Between,
}
