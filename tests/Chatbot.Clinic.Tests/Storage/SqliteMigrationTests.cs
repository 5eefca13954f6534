using Chatbot.Clinic.Storage.Sqlite;
using Chatbot.Clinic.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Chatbot.Clinic.Tests.Storage;

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    [Fact]
    public async Task ANewDatabaseRecordsEveryTableAtItsNewestVersion()
    {
        var database = _folder.NewDatabase();
        await using var connection = await database.OpenAsync(default);

        foreach (var table in SqliteTableSchema.All)
        {
            Assert.Equal(table.Version, await SqliteDatabase.CurrentVersionAsync(connection, table.Table, default));
        }
    }

    [Fact]
    public async Task ALaterVersionRunsOnlyItsOwnMigrationAndOnlyOnce()
    {
        var path = _folder.NewPath();
        var v1 = new SqliteTableSchema("sample", "CREATE TABLE IF NOT EXISTS sample (id TEXT PRIMARY KEY);");
        var v2 = v1 with { Migrations = [.. v1.Migrations, "ALTER TABLE sample ADD COLUMN note TEXT NULL;"] };
        await new SqliteDatabase(path).MigrateAsync([v1], default);

        // A second process starting at the same time as this one must not add the column twice (that would fail).
        var database = new SqliteDatabase(path);
        await Task.WhenAll(database.MigrateAsync([v2], default), new SqliteDatabase(path).MigrateAsync([v2], default));

        await using var connection = await database.OpenAsync(default);
        Assert.Equal(2, await SqliteDatabase.CurrentVersionAsync(connection, "sample", default));
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO sample (id, note) VALUES ('a', 'kept')";
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task ADatabaseFromANewerBuildIsRefusedWithAnExplanation()
    {
        var path = _folder.NewPath();
        var v2 = new SqliteTableSchema("sample", "CREATE TABLE IF NOT EXISTS sample (id TEXT);", "ALTER TABLE sample ADD COLUMN note TEXT NULL;");
        await new SqliteDatabase(path).MigrateAsync([v2], default);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new SqliteDatabase(path).MigrateAsync([v2 with { Migrations = [v2.Migrations[0]] }], default));
        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseCreatedBeforeVersioningIsAdoptedWithItsRows()
    {
        var path = _folder.NewPath();
        await using (var legacy = new SqliteConnection($"Data Source={path}"))
        {
            await legacy.OpenAsync();
            await using var create = legacy.CreateCommand();
            create.CommandText = SqliteConversationStateStore.Schema.Migrations[0]
                + "INSERT INTO conversation_state (key, json, etag, updated_at) VALUES ('k', '{}', 'e1', '2026-12-01T00:00:00Z');";
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var store = new SqliteConversationStateStore(new SqliteDatabase(path), TimeProvider.System);
        Assert.Equal("e1", (await store.ReadAsync("k", default))!.ETag);
    }

    public void Dispose() => _folder.Dispose();
}
