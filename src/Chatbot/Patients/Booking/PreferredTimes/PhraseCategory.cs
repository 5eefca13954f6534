namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>What a recognised phrase is about; clauses switch, and negations reach, by category.</summary>
internal enum PhraseCategory
{
    Day,
    Time,
}
