using Microsoft.Data.Sqlite;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>Booking requests in the bot's SQLite database; the request and its staff notification are one transaction.</summary>
public sealed class SqliteBookingStore(SqliteDatabase database) : IBookingStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("booking",
        """
            CREATE TABLE IF NOT EXISTS booking_request (
                reference          TEXT PRIMARY KEY,
                created_at         TEXT NOT NULL,
                reason             TEXT NOT NULL,
                name               TEXT NOT NULL,
                phone              TEXT NULL,
                email              TEXT NULL,
                preferred_times    TEXT NOT NULL,
                channel            TEXT NOT NULL,
                conversation_id    TEXT NOT NULL,
                status             TEXT NOT NULL,
                status_changed_at  TEXT NOT NULL,
                status_changed_by  TEXT NOT NULL,
                via_link           INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS ix_booking_created ON booking_request(created_at);
            CREATE TABLE IF NOT EXISTS booking_status_change (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                reference  TEXT NOT NULL,
                status     TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                changed_by TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_booking_change_ref ON booking_status_change(reference);
        """);

    private const string Columns =
        "reference, created_at, reason, name, phone, email, preferred_times, channel, conversation_id, status, status_changed_at, status_changed_by, via_link";

    /// <inheritdoc />
    public async Task AddAsync(BookingRequest request, StaffNotification notification, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // The patient is told "received" after this returns: wait for the disk (the database default, NORMAL, only
        // survives a process crash). The pooled connection goes back to NORMAL afterwards.
        await using (var durable = connection.CreateCommand())
        {
            durable.CommandText = "PRAGMA synchronous = FULL;";
            await durable.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await AddDurablyAsync(connection, request, notification, cancellationToken);
        }
        finally
        {
            await using var normal = connection.CreateCommand();
            normal.CommandText = "PRAGMA synchronous = NORMAL;";
            await normal.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task AddDurablyAsync(SqliteConnection connection, BookingRequest request, StaffNotification notification, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO booking_request ({Columns}) VALUES ($ref, $created, $reason, $name, $phone, $email, $preferred, $channel, $conversation, $status, $changedAt, $changedBy, $link)";
            insert.Parameters.AddWithValue("$ref", request.Reference);
            insert.Parameters.AddWithValue("$created", SqliteFormat.Time(request.CreatedAt));
            insert.Parameters.AddWithValue("$reason", request.Reason.ToString());
            insert.Parameters.AddWithValue("$name", request.Name);
            insert.Parameters.AddWithValue("$phone", (object?)request.Phone ?? DBNull.Value);
            insert.Parameters.AddWithValue("$email", (object?)request.Email ?? DBNull.Value);
            insert.Parameters.AddWithValue("$preferred", request.PreferredTimes);
            insert.Parameters.AddWithValue("$channel", request.Channel);
            insert.Parameters.AddWithValue("$conversation", request.ConversationId);
            insert.Parameters.AddWithValue("$status", request.Status.ToString());
            insert.Parameters.AddWithValue("$changedAt", SqliteFormat.Time(request.StatusChangedAt));
            insert.Parameters.AddWithValue("$changedBy", request.StatusChangedBy);
            insert.Parameters.AddWithValue("$link", request.ViaLink ? 1 : 0);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await AddHistoryAsync(connection, transaction, new BookingStatusChange(request.Reference, request.Status, request.StatusChangedAt, request.StatusChangedBy), cancellationToken);
        await using (var outbox = connection.CreateCommand())
        {
            outbox.Transaction = transaction;
            SqliteNotificationOutbox.Insert(outbox, notification);
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<BookingRequest?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM booking_request WHERE reference = $ref";
        command.Parameters.AddWithValue("$ref", reference);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookingRequest>> ListAsync(BookingStatus? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM booking_request {(status is null ? string.Empty : "WHERE status = $status")} ORDER BY created_at DESC LIMIT $limit";
        command.Parameters.AddWithValue("$status", status?.ToString() ?? string.Empty);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<BookingRequest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookingStatusChange>> HistoryAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, changed_at, changed_by FROM booking_status_change WHERE reference = $ref ORDER BY id";
        command.Parameters.AddWithValue("$ref", reference);
        var result = new List<BookingStatusChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new BookingStatusChange(reference, Enum.Parse<BookingStatus>(reader.GetString(0)), SqliteFormat.ParseTime(reader.GetString(1)), reader.GetString(2)));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<BookingRequest?> SetStatusAsync(string reference, BookingStatus status, string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        BookingRequest? current;
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT {Columns} FROM booking_request WHERE reference = $ref";
            select.Parameters.AddWithValue("$ref", reference);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            current = await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }

        if (current is null)
        {
            return null;
        }

        if (!InvalidBookingStatusChangeException.IsAllowed(current.Status, status))
        {
            throw new InvalidBookingStatusChangeException(current.Status, status);
        }

        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE booking_request SET status = $status, status_changed_at = $at, status_changed_by = $by WHERE reference = $ref";
            update.Parameters.AddWithValue("$status", status.ToString());
            update.Parameters.AddWithValue("$at", SqliteFormat.Time(changedAt));
            update.Parameters.AddWithValue("$by", changedBy);
            update.Parameters.AddWithValue("$ref", reference);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await AddHistoryAsync(connection, transaction, new BookingStatusChange(reference, status, changedAt, changedBy), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return current with { Status = status, StatusChangedAt = changedAt, StatusChangedBy = changedBy };
    }

    private static async Task AddHistoryAsync(SqliteConnection connection, SqliteTransaction transaction, BookingStatusChange change, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO booking_status_change (reference, status, changed_at, changed_by) VALUES ($ref, $status, $at, $by)";
        command.Parameters.AddWithValue("$ref", change.Reference);
        command.Parameters.AddWithValue("$status", change.Status.ToString());
        command.Parameters.AddWithValue("$at", SqliteFormat.Time(change.ChangedAt));
        command.Parameters.AddWithValue("$by", change.ChangedBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static BookingRequest Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        SqliteFormat.ParseTime(reader.GetString(1)),
        Enum.TryParse<BookingReason>(reader.GetString(2), out var reason) ? reason : BookingReason.NewPatientConsultation,
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        Enum.TryParse<BookingStatus>(reader.GetString(9), out var status) ? status : BookingStatus.New,
        SqliteFormat.ParseTime(reader.GetString(10)),
        reader.GetString(11),
        reader.GetInt32(12) != 0);
}
