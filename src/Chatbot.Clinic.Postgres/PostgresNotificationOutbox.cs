using Chatbot.Clinic.Notifications;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// The notification outbox in PostgreSQL (beside the booking requests, so a request and its notification commit
/// together). Instances share it: <see cref="ClaimDueAsync"/> hands each due item to one of them.
/// </summary>
public sealed class PostgresNotificationOutbox(PostgresDatabase database) : INotificationOutbox
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    /// <remarks>The payload is text, not jsonb: receivers get exactly the JSON the bot wrote (and signed).</remarks>
    internal static PostgresTableSchema Schema { get; } = new("notification_outbox",
        """
            CREATE TABLE IF NOT EXISTS notification_outbox (
                id              text PRIMARY KEY,
                kind            text NOT NULL,
                created_at      timestamptz NOT NULL,
                subject         text NOT NULL,
                payload         text NOT NULL,
                attempts        integer NOT NULL DEFAULT 0,
                next_attempt_at timestamptz NOT NULL,
                last_error      text NULL,
                delivered_at    timestamptz NULL,
                claimed_until   timestamptz NULL);
            CREATE INDEX IF NOT EXISTS ix_outbox_due ON notification_outbox(next_attempt_at) WHERE delivered_at IS NULL;
            CREATE INDEX IF NOT EXISTS ix_outbox_created ON notification_outbox(created_at);
        """);

    private const string Columns = "id, kind, created_at, subject, payload, attempts, next_attempt_at, last_error";

    private const string Due = "delivered_at IS NULL AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now)";

    /// <inheritdoc />
    public async Task EnqueueAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Insert(connection, null, notification);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The insert of <paramref name="notification"/> (also used inside the booking transaction).</summary>
    internal static NpgsqlCommand Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, StaffNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var command = new NpgsqlCommand(
            $"""
            INSERT INTO notification_outbox ({Columns}) VALUES (@id, @kind, @created, @subject, @payload, 0, @created, NULL)
            """, connection, transaction);
        command.Parameters.AddText("id", notification.Id);
        command.Parameters.AddText("kind", notification.Kind.ToString());
        command.Parameters.AddTime("created", notification.CreatedAt);
        command.Parameters.AddText("subject", notification.Subject);
        command.Parameters.AddText("payload", notification.PayloadJson);
        return command;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM notification_outbox WHERE {Due} ORDER BY next_attempt_at, created_at, id LIMIT @limit", connection);
        command.Parameters.AddTime("now", now);
        command.Parameters.AddInt("limit", limit);
        return await command.ListAsync(Read, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var connection = await database.OpenAsync(cancellationToken);

        // SKIP LOCKED: an instance claiming at the same moment takes other rows instead of waiting for these; a row
        // claimed and committed meanwhile no longer matches (the condition is checked again on the locked row).
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE notification_outbox SET claimed_until = @until
            WHERE id IN (SELECT id FROM notification_outbox WHERE {Due}
                         ORDER BY next_attempt_at, created_at, id LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddTime("now", now);
        command.Parameters.AddTime("until", now + lease);
        command.Parameters.AddInt("max", Math.Max(1, max));
        var claimed = await command.ListAsync(Read, cancellationToken);
        return [.. claimed.OrderBy(i => i.NextAttemptAt).ThenBy(i => i.Notification.CreatedAt).ThenBy(i => i.Notification.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxItem>> PendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM notification_outbox WHERE delivered_at IS NULL ORDER BY created_at, id LIMIT @limit", connection);
        command.Parameters.AddInt("limit", limit);
        return await command.ListAsync(Read, cancellationToken);
    }

    /// <inheritdoc />
    public async Task MarkDeliveredAsync(string id, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE notification_outbox SET delivered_at = @at, claimed_until = NULL WHERE id = @id", connection);
        command.Parameters.AddTime("at", deliveredAt);
        command.Parameters.AddText("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task MarkFailedAsync(string id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE notification_outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next, claimed_until = NULL WHERE id = @id", connection);
        command.Parameters.AddText("error", error.Length > 500 ? error[..500] : error);
        command.Parameters.AddTime("next", nextAttemptAt);
        command.Parameters.AddText("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM notification_outbox WHERE created_at < @cutoff", connection);
        command.Parameters.AddTime("cutoff", createdBefore);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static OutboxItem Read(NpgsqlDataReader reader) => new(
        new StaffNotification(
            reader.GetString(0),
            Enum.TryParse<StaffNotificationKind>(reader.GetString(1), out var kind) ? kind : StaffNotificationKind.BookingRequested,
            reader.Time(2),
            reader.GetString(3),
            reader.GetString(4)),
        reader.GetInt32(5),
        reader.Time(6),
        reader.TextOrNull(7));
}
