namespace Chatbot.Patients.Booking.PreferredTimes;

/// <summary>A clause's times of day, settled against opening hours.</summary>
/// <param name="Spans">The wanted spans within opening hours; empty when <paramref name="Problem"/> is set.</param>
/// <param name="HasPhrases">Whether the patient said any time of day.</param>
/// <param name="Name">How to name the times in a summary ("afternoon", "after 2 pm", "at 3 pm"), if there is one name.</param>
/// <param name="Plural">The plural for ranges of days ("mornings"), for parts of the day only.</param>
/// <param name="NameOnly">The name says it all ("at 3 pm"): no span is shown after it.</param>
/// <param name="PassedLabel">How to call the time when it has passed today ("9 am"), if it is one time.</param>
/// <param name="Problem">Why no span is left (outside hours, times that do not overlap).</param>
internal sealed record TimePlan(
    IReadOnlyList<MinuteSpan> Spans,
    bool HasPhrases,
    string? Name = null,
    string? Plural = null,
    bool NameOnly = false,
    string? PassedLabel = null,
    string? Problem = null);
