using Chatbot.Clinic.Staff;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// Local staff accounts in PostgreSQL (table <c>staff_user</c>; the CLI writes the same table). User names are unique
/// in any case; failed sign-ins are counted by one <c>UPDATE … RETURNING</c>, so failures on different instances at
/// the same moment all count.
/// </summary>
public sealed class PostgresStaffAccountStore(PostgresDatabase database) : IStaffAccountStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("staff_user",
        """
            CREATE TABLE IF NOT EXISTS staff_user (
                username        text PRIMARY KEY,
                password_hash   text NOT NULL,
                failed_count    integer NOT NULL DEFAULT 0,
                lockout_until   timestamptz NULL,
                created_at      timestamptz NOT NULL,
                last_sign_in_at timestamptz NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_staff_user_lower ON staff_user(lower(username));
        """);

    private const string Columns = "username, password_hash, failed_count, lockout_until, created_at, last_sign_in_at";

    /// <inheritdoc />
    public async Task<bool> CreateAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO staff_user ({Columns}) VALUES (@u, @hash, 0, NULL, @created, NULL) ON CONFLICT DO NOTHING", connection);
        command.Parameters.AddText("u", account.UserName);
        command.Parameters.AddText("hash", account.PasswordHash);
        command.Parameters.AddTime("created", account.CreatedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM staff_user WHERE lower(username) = lower(@u)", connection);
        command.Parameters.AddText("u", userName);
        return (await command.ListAsync(Read, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM staff_user ORDER BY lower(username), username", connection);
        return await command.ListAsync(Read, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StaffAccount?> RecordFailureAsync(string userName, int maxFailures, DateTimeOffset lockoutUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // One statement: the row is locked, and a concurrent failure is applied to the row this one wrote.
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE staff_user SET
                lockout_until = CASE WHEN failed_count + 1 >= @max THEN @until ELSE lockout_until END,
                failed_count  = CASE WHEN failed_count + 1 >= @max THEN 0 ELSE failed_count + 1 END
            WHERE lower(username) = lower(@u)
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddText("u", userName);
        command.Parameters.AddInt("max", maxFailures);
        command.Parameters.AddTime("until", lockoutUntil);
        return (await command.ListAsync(Read, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task RecordSuccessAsync(string userName, DateTimeOffset at, string? newPasswordHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE staff_user SET failed_count = 0, lockout_until = NULL, last_sign_in_at = @at,
                password_hash = COALESCE(@hash, password_hash)
            WHERE lower(username) = lower(@u)
            """, connection);
        command.Parameters.AddText("u", userName);
        command.Parameters.AddTime("at", at);
        command.Parameters.AddText("hash", newPasswordHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> UnlockAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE staff_user SET failed_count = 0, lockout_until = NULL WHERE lower(username) = lower(@u)", connection);
        command.Parameters.AddText("u", userName);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static StaffAccount Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.TimeOrNull(3),
        reader.Time(4),
        reader.TimeOrNull(5));
}
