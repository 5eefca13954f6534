using Microsoft.Data.Sqlite;
using Chatbot.Clinic.Staff;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>The audit log in the bot's SQLite database (table <c>staff_audit</c>). Rows are never updated or deleted.</summary>
public sealed class SqliteStaffAuditLog(SqliteDatabase database) : IStaffAuditLog
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("staff_audit",
        """
            CREATE TABLE IF NOT EXISTS staff_audit (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                at          TEXT NOT NULL,
                user        TEXT NOT NULL,
                action      TEXT NOT NULL,
                entry_id    TEXT NULL,
                file        TEXT NULL,
                before_json TEXT NULL,
                after_json  TEXT NULL,
                detail      TEXT NULL);
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
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO staff_audit (at, user, action, entry_id, file, before_json, after_json, detail)
                VALUES ($at, $user, $action, $entry, $file, $before, $after, $detail)
                """;
            command.Parameters.AddWithValue("$at", SqliteFormat.Time(record.At));
            command.Parameters.AddWithValue("$user", record.User);
            command.Parameters.AddWithValue("$action", record.Action);
            command.Parameters.AddWithValue("$entry", (object?)record.EntryId ?? DBNull.Value);
            command.Parameters.AddWithValue("$file", (object?)record.File ?? DBNull.Value);
            command.Parameters.AddWithValue("$before", (object?)record.Before ?? DBNull.Value);
            command.Parameters.AddWithValue("$after", (object?)record.After ?? DBNull.Value);
            command.Parameters.AddWithValue("$detail", (object?)record.Detail ?? DBNull.Value);
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
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, at, user, action, entry_id, file, before_json, after_json, detail FROM staff_audit
            {(entryId is null ? string.Empty : "WHERE entry_id = $entry")} ORDER BY id DESC LIMIT $limit
            """;
        if (entryId is not null)
        {
            command.Parameters.AddWithValue("$entry", entryId);
        }

        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<StaffAuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StaffAuditRecord(
                reader.GetInt64(0), SqliteFormat.ParseTime(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                Text(reader, 4), Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8)));
        }

        return result;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM staff_audit WHERE at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", before.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
