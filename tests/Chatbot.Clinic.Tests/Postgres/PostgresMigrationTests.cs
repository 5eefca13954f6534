using Chatbot.Clinic.Storage.Postgres;
using Chatbot.Testing;
using Npgsql;

namespace Chatbot.Clinic.Tests.Postgres;

[RequiresPostgres]
public sealed class PostgresMigrationTests : IAsyncLifetime
{
    private readonly PostgresTestSchema _schema = new();

    [ProviderFact]
    public async Task ANewSchemaRecordsEveryTableAtItsNewestVersionAndMigratingAgainChangesNothing()
    {
        await _schema.Database.MigrateAsync(CancellationToken.None);
        await new PostgresDatabase(_schema.NewDataSource()).MigrateAsync(CancellationToken.None);

        await using var connection = await _schema.NewDataSource().OpenConnectionAsync();
        foreach (var table in PostgresTableSchema.All)
        {
            Assert.Equal(table.Version, await PostgresDatabase.CurrentVersionAsync(connection, null, table.Table, default));
        }
    }

    [ProviderFact]
    public async Task InstancesStartingAtOnceApplyEachMigrationExactlyOnce()
    {
        // Neither migration could run twice: v1 has no IF NOT EXISTS, v2 adds a column; each also logs itself.
        var v1 = new PostgresTableSchema("sample", "CREATE TABLE sample (id text PRIMARY KEY); CREATE TABLE sample_log (version int NOT NULL); INSERT INTO sample_log VALUES (1);");
        var v2 = v1 with { Migrations = [.. v1.Migrations, "ALTER TABLE sample ADD COLUMN note text NULL; INSERT INTO sample_log VALUES (2);"] };
        var instances = Enumerable.Range(0, 4).Select(_ => _schema.NewInstance()).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.MigrateAsync([v1], CancellationToken.None))));
        await Task.WhenAll(instances.Select(i => Task.Run(() => i.MigrateAsync([v2], CancellationToken.None))));

        await using var connection = await _schema.NewDataSource().OpenConnectionAsync();
        Assert.Equal(2, await PostgresDatabase.CurrentVersionAsync(connection, null, "sample", default));
        await using var log = new NpgsqlCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM sample_log", connection);
        Assert.Equal("1,2", await log.ExecuteScalarAsync());
        await using var insert = new NpgsqlCommand("INSERT INTO sample (id, note) VALUES ('a', 'kept')", connection);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }

    [ProviderFact]
    public async Task ASchemaFromANewerBuildIsRefusedWithAnExplanation()
    {
        var v2 = new PostgresTableSchema("sample", "CREATE TABLE sample (id text);", "ALTER TABLE sample ADD COLUMN note text NULL;");
        await _schema.NewInstance().MigrateAsync([v2], CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _schema.NewInstance().MigrateAsync([v2 with { Migrations = [v2.Migrations[0]] }], CancellationToken.None));
        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task AFailedMigrationLeavesNothingAndIsTriedAgain()
    {
        var broken = new PostgresTableSchema("sample", "CREATE TABLE sample (id text); SELECT no_such_function();");
        await Assert.ThrowsAsync<PostgresException>(() => _schema.Database.MigrateAsync([broken], CancellationToken.None));

        var fixedSchema = new PostgresTableSchema("sample", "CREATE TABLE sample (id text);");
        await _schema.Database.MigrateAsync([fixedSchema], CancellationToken.None);
        await using var connection = await _schema.NewDataSource().OpenConnectionAsync();
        Assert.Equal(1, await PostgresDatabase.CurrentVersionAsync(connection, null, "sample", default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _schema.DisposeAsync().AsTask();
}
