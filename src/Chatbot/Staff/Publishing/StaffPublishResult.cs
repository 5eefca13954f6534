namespace Chatbot.Staff.Publishing;

/// <summary>One publish (or rollback) as the staff page shows it.</summary>
/// <param name="At">When it finished.</param>
/// <param name="User">Who started it (or the trigger, e.g. the file watcher).</param>
/// <param name="Trigger">What started it (staff page, file change, CLI…).</param>
/// <param name="Accepted">True when the bot now answers from the new version.</param>
/// <param name="Outcome">One word: accepted, rejected, unchanged, rolled back, failed.</param>
/// <param name="Reasons">Why, in sentences for staff.</param>
/// <param name="Before">The quality of the version that was serving.</param>
/// <param name="After">The quality of the candidate.</param>
/// <param name="Version">The version now serving, when known.</param>
public sealed record StaffPublishResult(
    DateTimeOffset At,
    string User,
    string Trigger,
    bool Accepted,
    string Outcome,
    IReadOnlyList<string> Reasons,
    StaffPublishMetrics? Before,
    StaffPublishMetrics? After,
    string? Version);
