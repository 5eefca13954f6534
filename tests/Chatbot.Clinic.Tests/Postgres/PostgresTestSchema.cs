using Chatbot.Clinic.Storage.Postgres;
using Chatbot.Testing;
using Npgsql;

namespace Chatbot.Clinic.Tests.Postgres;

/// <summary>
/// A fresh, empty schema on the server named by <c>CHATBOT_TEST_POSTGRES</c>, for one test: its stores see only their
/// own tables (the schema comes first on the search path). Dropped with everything in it afterwards.
/// </summary>
public sealed class PostgresTestSchema : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private bool _created;

    /// <summary>The schema's name.</summary>
    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N");

    /// <summary>A connection string to the schema (through <c>SearchPath</c>).</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString)
    {
        SearchPath = Name,
        MaxPoolSize = 20,
        ApplicationName = "chatbot-tests",
    }.ConnectionString;

    private static string ServerConnectionString =>
        RequiresPostgresAttribute.ConnectionString ?? throw new InvalidOperationException(RequiresPostgresAttribute.SkipReason);

    /// <summary>The database of one bot instance (created on first use).</summary>
    public PostgresDatabase Database => field ??= NewInstance();

    /// <summary>The database as another bot instance sees it: its own connection pool, the same tables.</summary>
    public PostgresDatabase NewInstance() => new(NewDataSource());

    /// <summary>A new data source (connection pool) on the schema, disposed with it.</summary>
    public NpgsqlDataSource NewDataSource()
    {
        EnsureCreated();
        var dataSource = NpgsqlDataSource.Create(ConnectionString);
        lock (_dataSources)
        {
            _dataSources.Add(dataSource);
        }

        return dataSource;
    }

    private void EnsureCreated()
    {
        lock (_dataSources)
        {
            if (_created)
            {
                return;
            }

            using var connection = new NpgsqlConnection(ServerConnectionString);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA \"{Name}\"", connection);
            create.ExecuteNonQuery();
            _created = true;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (_created)
        {
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
