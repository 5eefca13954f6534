using Microsoft.Data.Sqlite;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>The notification outbox in the bot's SQLite database (same file as the booking requests).</summary>
public sealed class SqliteNotificationOutbox(SqliteDatabase database) : INotificationOutbox
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("notification_outbox",
        """
            CREATE TABLE IF NOT EXISTS notification_outbox (
                id              TEXT PRIMARY KEY,
                kind            TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                subject         TEXT NOT NULL,
                payload         TEXT NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_error      TEXT NULL,
                delivered_at    TEXT NULL);
            CREATE INDEX IF NOT EXISTS ix_outbox_due ON notification_outbox(delivered_at, next_attempt_at);
        """);

    /// <inheritdoc />
    public async Task EnqueueAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        Insert(command, notification);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Prepares the insert of <paramref name="notification"/> (also used inside the booking transaction).</summary>
    internal static void Insert(SqliteCommand command, StaffNotification notification)
    {
        command.CommandText = """
            INSERT INTO notification_outbox (id, kind, created_at, subject, payload, attempts, next_attempt_at)
            VALUES ($id, $kind, $created, $subject, $payload, 0, $created)
            """;
        command.Parameters.AddWithValue("$id", notification.Id);
        command.Parameters.AddWithValue("$kind", notification.Kind.ToString());
        command.Parameters.AddWithValue("$created", SqliteFormat.Time(notification.CreatedAt));
        command.Parameters.AddWithValue("$subject", notification.Subject);
        command.Parameters.AddWithValue("$payload", notification.PayloadJson);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        QueryAsync("WHERE delivered_at IS NULL AND next_attempt_at <= $now ORDER BY next_attempt_at LIMIT $limit", now, limit, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxItem>> PendingAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync("WHERE delivered_at IS NULL ORDER BY created_at LIMIT $limit", DateTimeOffset.MaxValue, limit, cancellationToken);

    /// <inheritdoc />
    public async Task MarkDeliveredAsync(string id, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE notification_outbox SET delivered_at = $at WHERE id = $id";
        command.Parameters.AddWithValue("$at", SqliteFormat.Time(deliveredAt));
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task MarkFailedAsync(string id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE notification_outbox SET attempts = attempts + 1, last_error = $error, next_attempt_at = $next WHERE id = $id";
        command.Parameters.AddWithValue("$error", error.Length > 500 ? error[..500] : error);
        command.Parameters.AddWithValue("$next", SqliteFormat.Time(nextAttemptAt));
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<OutboxItem>> QueryAsync(string where, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, created_at, subject, payload, attempts, next_attempt_at, last_error FROM notification_outbox " + where;
        command.Parameters.AddWithValue("$now", SqliteFormat.Time(now));
        command.Parameters.AddWithValue("$limit", limit);
        var items = new List<OutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var notification = new StaffNotification(
                reader.GetString(0),
                Enum.TryParse<StaffNotificationKind>(reader.GetString(1), out var kind) ? kind : StaffNotificationKind.BookingRequested,
                SqliteFormat.ParseTime(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4));
            items.Add(new OutboxItem(notification, reader.GetInt32(5), SqliteFormat.ParseTime(reader.GetString(6)), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return items;
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM notification_outbox WHERE created_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", createdBefore.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
