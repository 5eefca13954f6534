using Chatbot.Clinic.Staff;
namespace Chatbot.Clinic.Storage.InMemory;

/// <summary>The audit log in process memory: tests and throwaway demos.</summary>
public sealed class InMemoryStaffAuditLog : IStaffAuditLog
{
    private readonly List<StaffAuditRecord> _records = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public Task AppendAsync(StaffAuditRecord record, CancellationToken cancellationToken) =>
        AppendWithChangeAsync(record, _ => Task.CompletedTask, cancellationToken);

    /// <inheritdoc />
    public async Task AppendWithChangeAsync(StaffAuditRecord record, Func<CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await change(cancellationToken);
            _records.Add(record with { Id = _records.Count + 1 });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StaffAuditRecord>> ListAsync(string? entryId, int limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return [.. _records.Where(r => entryId is null || r.EntryId == entryId).OrderByDescending(r => r.Id).Take(limit)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _records.RemoveAll(r => r.At < before);
        }
        finally
        {
            _gate.Release();
        }
    }
}
