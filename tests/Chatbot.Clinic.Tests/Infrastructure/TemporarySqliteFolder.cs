using Chatbot.Clinic.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Chatbot.Clinic.Tests.Infrastructure;

/// <summary>A temporary folder of SQLite databases, one per store a test creates; deleted afterwards.</summary>
public sealed class TemporarySqliteFolder : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-clinic-").FullName;
    private int _databases;

    /// <summary>A new, empty database.</summary>
    public SqliteDatabase NewDatabase() => new(NewPath());

    /// <summary>The path of a database file nobody has created yet.</summary>
    public string NewPath() => PathOf($"chatbot-{Interlocked.Increment(ref _databases)}.db");

    /// <summary>A path inside the folder (the same every call: a "restart" reopens it).</summary>
    public string PathOf(params string[] parts) => Path.Combine([_folder, .. parts]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger on some platforms; the OS cleans temp folders.
        }
    }
}
