using Chatbot.Clinic.Staff;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>The staff audit log in PostgreSQL (table <c>staff_audit</c>). Rows are never updated; retention deletes them.</summary>
public sealed class PostgresStaffAuditLog(PostgresDatabase database) : IStaffAuditLog
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    /// <remarks>The user column is <c>user_name</c>: <c>user</c> is a reserved word in PostgreSQL.</remarks>
    internal static PostgresTableSchema Schema { get; } = new("staff_audit",
        """
            CREATE TABLE IF NOT EXISTS staff_audit (
                id          bigserial PRIMARY KEY,
                at          timestamptz NOT NULL,
                user_name   text NOT NULL,
                action      text NOT NULL,
                entry_id    text NULL,
                file        text NULL,
                before_json text NULL,
                after_json  text NULL,
                detail      text NULL);
            CREATE INDEX IF NOT EXISTS ix_staff_audit_entry ON staff_audit(entry_id, at);
            CREATE INDEX IF NOT EXISTS ix_staff_audit_at ON staff_audit(at);
        """);

    /// <inheritdoc />
    public Task AppendAsync(StaffAuditRecord record, CancellationToken cancellationToken) =>
        AppendWithChangeAsync(record, _ => Task.CompletedTask, cancellationToken);

    /// <inheritdoc />
    public async Task AppendWithChangeAsync(StaffAuditRecord record, Func<CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            """
            INSERT INTO staff_audit (at, user_name, action, entry_id, file, before_json, after_json, detail)
            VALUES (@at, @user, @action, @entry, @file, @before, @after, @detail)
            """, connection, transaction))
        {
            command.Parameters.AddTime("at", record.At);
            command.Parameters.AddText("user", record.User);
            command.Parameters.AddText("action", record.Action);
            command.Parameters.AddText("entry", record.EntryId);
            command.Parameters.AddText("file", record.File);
            command.Parameters.AddText("before", record.Before);
            command.Parameters.AddText("after", record.After);
            command.Parameters.AddText("detail", record.Detail);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // The row is written (so a database that cannot take it stops the change) but committed only after the change.
        await change(cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StaffAuditRecord>> ListAsync(string? entryId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT id, at, user_name, action, entry_id, file, before_json, after_json, detail FROM staff_audit
            {(entryId is null ? string.Empty : "WHERE entry_id = @entry")} ORDER BY id DESC LIMIT @limit
            """, connection);
        if (entryId is not null)
        {
            command.Parameters.AddText("entry", entryId);
        }

        command.Parameters.AddInt("limit", limit);
        return await command.ListAsync(
            r => new StaffAuditRecord(r.GetInt64(0), r.Time(1), r.GetString(2), r.GetString(3), r.TextOrNull(4), r.TextOrNull(5), r.TextOrNull(6), r.TextOrNull(7), r.TextOrNull(8)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM staff_audit WHERE at < @cutoff", connection);
        command.Parameters.AddTime("cutoff", before);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
