using Chatbot.Clinic.DataProtection;
using Npgsql;

namespace Chatbot.Clinic.Storage.Postgres;

/// <summary>The data-protection key ring in PostgreSQL, shared by every instance (table <c>data_protection_key</c>).</summary>
public sealed class PostgresDataProtectionKeyStore(PostgresDatabase database) : IDataProtectionKeyStore
{
    /// <summary>This store's tables, one migration per schema version.</summary>
    internal static PostgresTableSchema Schema { get; } = new("data_protection_key",
        """
            CREATE TABLE IF NOT EXISTS data_protection_key (
                id            bigserial PRIMARY KEY,
                friendly_name text NOT NULL,
                xml           text NOT NULL,
                created_at    timestamptz NOT NULL);
        """);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredDataProtectionKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT friendly_name, xml, created_at FROM data_protection_key ORDER BY id", connection);
        return await command.ListAsync(r => new StoredDataProtectionKey(r.GetString(0), r.GetString(1), r.Time(2)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task AddAsync(string friendlyName, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(friendlyName);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO data_protection_key (friendly_name, xml, created_at) VALUES (@name, @xml, @at)", connection);
        command.Parameters.AddText("name", friendlyName);
        command.Parameters.AddText("xml", xml);
        command.Parameters.AddTime("at", createdAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
