using Chatbot.Clinic.DataProtection;

namespace Chatbot.Clinic.Storage.Sqlite;

/// <summary>The data-protection key ring in the bot's SQLite database (table <c>data_protection_key</c>).</summary>
public sealed class SqliteDataProtectionKeyStore(SqliteDatabase database) : IDataProtectionKeyStore
{
    /// <summary>This store's tables, one migration per schema version (applied in order by <see cref="SqliteDatabase"/>).</summary>
    internal static SqliteTableSchema Schema { get; } = new("data_protection_key",
        """
            CREATE TABLE IF NOT EXISTS data_protection_key (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                friendly_name TEXT NOT NULL,
                xml           TEXT NOT NULL,
                created_at    TEXT NOT NULL);
        """);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredDataProtectionKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT friendly_name, xml, created_at FROM data_protection_key ORDER BY id";
        var keys = new List<StoredDataProtectionKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new StoredDataProtectionKey(reader.GetString(0), reader.GetString(1), SqliteFormat.ParseTime(reader.GetString(2))));
        }

        return keys;
    }

    /// <inheritdoc />
    public async Task AddAsync(string friendlyName, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(friendlyName);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_protection_key (friendly_name, xml, created_at) VALUES ($name, $xml, $at)";
        command.Parameters.AddWithValue("$name", friendlyName);
        command.Parameters.AddWithValue("$xml", xml);
        command.Parameters.AddWithValue("$at", SqliteFormat.Time(createdAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
