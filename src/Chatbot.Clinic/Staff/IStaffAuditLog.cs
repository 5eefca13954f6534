namespace Chatbot.Clinic.Staff;

/// <summary>The append-only audit log of the staff page (HIPAA §164.312(b) audit controls).</summary>
public interface IStaffAuditLog
{
    /// <summary>Appends a record.</summary>
    Task AppendAsync(StaffAuditRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a record for a change and makes the change: the record is kept only when <paramref name="change"/>
    /// succeeds, so the log never shows a change that did not happen, and no change is made that the log cannot hold.
    /// </summary>
    /// <exception cref="Exception">Whatever <paramref name="change"/> throws; the record is then not kept.</exception>
    Task AppendWithChangeAsync(StaffAuditRecord record, Func<CancellationToken, Task> change, CancellationToken cancellationToken);

    /// <summary>The newest records first, of one entry when <paramref name="entryId"/> is given.</summary>
    Task<IReadOnlyList<StaffAuditRecord>> ListAsync(string? entryId, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes records older than <paramref name="before"/> (retention).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
