namespace Chatbot.Clinic.Staff;

/// <summary>One row of the staff audit log: who did what, when, to which entry, with the entry before and after.</summary>
/// <param name="Id">Store id (0 before it is stored).</param>
/// <param name="At">When (UTC).</param>
/// <param name="User">Who (the signed-in staff member's name).</param>
/// <param name="Action">What, one of <see cref="StaffAuditActions"/>.</param>
/// <param name="EntryId">The FAQ entry, when the action changed one.</param>
/// <param name="File">The topic file (e.g. <c>faq-data/treatment.json</c>), when one changed.</param>
/// <param name="Before">The entry's JSON before the change (null for a new entry).</param>
/// <param name="After">The entry's JSON after the change.</param>
/// <param name="Detail">A short note (publish result, import source, dismissed question…).</param>
public sealed record StaffAuditRecord(
    long Id,
    DateTimeOffset At,
    string User,
    string Action,
    string? EntryId,
    string? File,
    string? Before,
    string? After,
    string? Detail);
