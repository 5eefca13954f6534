using Microsoft.Data.Sqlite;
using Chatbot.Clinic.Staff;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>Staff accounts in the bot's SQLite database (table <c>staff_user</c>); the CLI writes the same table.</summary>
public sealed class SqliteStaffAccountStore(SqliteDatabase database) : IStaffAccountStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("staff_user",
        """
            CREATE TABLE IF NOT EXISTS staff_user (
                username        TEXT PRIMARY KEY COLLATE NOCASE,
                password_hash   TEXT NOT NULL,
                failed_count    INTEGER NOT NULL DEFAULT 0,
                lockout_until   TEXT NULL,
                created_at      TEXT NOT NULL,
                last_sign_in_at TEXT NULL);
        """);

    private const string Columns = "username, password_hash, failed_count, lockout_until, created_at, last_sign_in_at";

    /// <inheritdoc />
    public async Task<bool> CreateAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT OR IGNORE INTO staff_user ({Columns}) VALUES ($u, $hash, 0, NULL, $created, NULL)";
        command.Parameters.AddWithValue("$u", account.UserName);
        command.Parameters.AddWithValue("$hash", account.PasswordHash);
        command.Parameters.AddWithValue("$created", SqliteFormat.Time(account.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM staff_user WHERE username = $u";
        command.Parameters.AddWithValue("$u", userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM staff_user ORDER BY username";
        var result = new List<StaffAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<StaffAccount?> RecordFailureAsync(string userName, int maxFailures, DateTimeOffset lockoutUntil, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        {
            await using var command = connection.CreateCommand();

            // One statement, so two failures at once still count as two (SET reads the row as it was).
            command.CommandText = """
                UPDATE staff_user SET
                    lockout_until = CASE WHEN failed_count + 1 >= $max THEN $until ELSE lockout_until END,
                    failed_count  = CASE WHEN failed_count + 1 >= $max THEN 0 ELSE failed_count + 1 END
                WHERE username = $u
                """;
            command.Parameters.AddWithValue("$u", userName);
            command.Parameters.AddWithValue("$max", maxFailures);
            command.Parameters.AddWithValue("$until", SqliteFormat.Time(lockoutUntil));
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        return await FindAsync(userName, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RecordSuccessAsync(string userName, DateTimeOffset at, string? newPasswordHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE staff_user SET failed_count = 0, lockout_until = NULL, last_sign_in_at = $at,
                password_hash = COALESCE($hash, password_hash)
            WHERE username = $u
            """;
        command.Parameters.AddWithValue("$u", userName);
        command.Parameters.AddWithValue("$at", SqliteFormat.Time(at));
        command.Parameters.AddWithValue("$hash", (object?)newPasswordHash ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> UnlockAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE staff_user SET failed_count = 0, lockout_until = NULL WHERE username = $u";
        command.Parameters.AddWithValue("$u", userName);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static StaffAccount Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.IsDBNull(3) ? null : SqliteFormat.ParseTime(reader.GetString(3)),
        SqliteFormat.ParseTime(reader.GetString(4)),
        reader.IsDBNull(5) ? null : SqliteFormat.ParseTime(reader.GetString(5)));
}
