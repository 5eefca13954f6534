using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>
/// Booking requests in PostgreSQL. A request, its first history entry and its staff notification are one transaction,
/// committed (durably: <c>synchronous_commit = on</c> for that transaction, whatever the server's default) before
/// the patient is told the reference.
/// </summary>
public sealed class PostgresBookingStore(PostgresDatabase database) : IBookingStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("booking",
        """
            CREATE TABLE IF NOT EXISTS booking_request (
                reference          text PRIMARY KEY,
                created_at         timestamptz NOT NULL,
                reason             text NOT NULL,
                name               text NOT NULL,
                phone              text NULL,
                email              text NULL,
                preferred_times    text NOT NULL,
                channel            text NOT NULL,
                conversation_id    text NOT NULL,
                status             text NOT NULL,
                status_changed_at  timestamptz NOT NULL,
                status_changed_by  text NOT NULL,
                via_link           boolean NOT NULL DEFAULT false);
            CREATE INDEX IF NOT EXISTS ix_booking_created ON booking_request(created_at);
            CREATE TABLE IF NOT EXISTS booking_status_change (
                id         bigserial PRIMARY KEY,
                reference  text NOT NULL,
                status     text NOT NULL,
                changed_at timestamptz NOT NULL,
                changed_by text NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_booking_change_ref ON booking_status_change(reference);
        """);

    private const string Columns =
        "reference, created_at, reason, name, phone, email, preferred_times, channel, conversation_id, status, status_changed_at, status_changed_by, via_link";

    /// <inheritdoc />
    public async Task AddAsync(BookingRequest request, StaffNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notification);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var durable = new NpgsqlCommand("SET LOCAL synchronous_commit = on", connection, transaction))
        {
            await durable.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO booking_request ({Columns}) VALUES (@ref, @created, @reason, @name, @phone, @email, @preferred, @channel, @conversation, @status, @changedAt, @changedBy, @link)",
            connection, transaction))
        {
            insert.Parameters.AddText("ref", request.Reference);
            insert.Parameters.AddTime("created", request.CreatedAt);
            insert.Parameters.AddText("reason", request.Reason.ToString());
            insert.Parameters.AddText("name", request.Name);
            insert.Parameters.AddText("phone", request.Phone);
            insert.Parameters.AddText("email", request.Email);
            insert.Parameters.AddText("preferred", request.PreferredTimes);
            insert.Parameters.AddText("channel", request.Channel);
            insert.Parameters.AddText("conversation", request.ConversationId);
            insert.Parameters.AddText("status", request.Status.ToString());
            insert.Parameters.AddTime("changedAt", request.StatusChangedAt);
            insert.Parameters.AddText("changedBy", request.StatusChangedBy);
            insert.Parameters.AddWithValue("link", request.ViaLink);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await AddHistoryAsync(connection, transaction, new BookingStatusChange(request.Reference, request.Status, request.StatusChangedAt, request.StatusChangedBy), cancellationToken);
        await using (var outbox = PostgresNotificationOutbox.Insert(connection, transaction, notification))
        {
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<BookingRequest?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM booking_request WHERE reference = @ref", connection);
        command.Parameters.AddText("ref", reference);
        return (await command.ListAsync(Read, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookingRequest>> ListAsync(BookingStatus? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM booking_request {(status is null ? string.Empty : "WHERE status = @status")} ORDER BY created_at DESC, reference DESC LIMIT @limit",
            connection);
        if (status is { } wanted)
        {
            command.Parameters.AddText("status", wanted.ToString());
        }

        command.Parameters.AddInt("limit", limit);
        return await command.ListAsync(Read, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BookingStatusChange>> HistoryAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT status, changed_at, changed_by FROM booking_status_change WHERE reference = @ref ORDER BY id", connection);
        command.Parameters.AddText("ref", reference);
        return await command.ListAsync(
            r => new BookingStatusChange(reference, Enum.Parse<BookingStatus>(r.GetString(0)), r.Time(1), r.GetString(2)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<BookingRequest?> SetStatusAsync(string reference, BookingStatus status, string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // FOR UPDATE: two staff members changing the same request on different instances take turns, and the second
        // is checked against the first one's result.
        BookingRequest? current;
        await using (var select = new NpgsqlCommand($"SELECT {Columns} FROM booking_request WHERE reference = @ref FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddText("ref", reference);
            current = (await select.ListAsync(Read, cancellationToken)).SingleOrDefault();
        }

        if (current is null)
        {
            return null;
        }

        if (!InvalidBookingStatusChangeException.IsAllowed(current.Status, status))
        {
            throw new InvalidBookingStatusChangeException(current.Status, status);
        }

        await using (var update = new NpgsqlCommand(
            "UPDATE booking_request SET status = @status, status_changed_at = @at, status_changed_by = @by WHERE reference = @ref", connection, transaction))
        {
            update.Parameters.AddText("status", status.ToString());
            update.Parameters.AddTime("at", changedAt);
            update.Parameters.AddText("by", changedBy);
            update.Parameters.AddText("ref", reference);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await AddHistoryAsync(connection, transaction, new BookingStatusChange(reference, status, changedAt, changedBy), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return current with { Status = status, StatusChangedAt = changedAt, StatusChangedBy = changedBy };
    }

    private static async Task AddHistoryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BookingStatusChange change, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO booking_status_change (reference, status, changed_at, changed_by) VALUES (@ref, @status, @at, @by)", connection, transaction);
        command.Parameters.AddText("ref", change.Reference);
        command.Parameters.AddText("status", change.Status.ToString());
        command.Parameters.AddTime("at", change.ChangedAt);
        command.Parameters.AddText("by", change.ChangedBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static BookingRequest Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.Time(1),
        Enum.TryParse<BookingReason>(reader.GetString(2), out var reason) ? reason : BookingReason.NewPatientConsultation,
        reader.GetString(3),
        reader.TextOrNull(4),
        reader.TextOrNull(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        Enum.TryParse<BookingStatus>(reader.GetString(9), out var status) ? status : BookingStatus.New,
        reader.Time(10),
        reader.GetString(11),
        reader.GetBoolean(12));
}
