namespace Chatbot.Clinic.Tests.Infrastructure;

/// <summary>
/// Test classes that create SQLite files and clear Microsoft.Data.Sqlite's connection pools when they finish.
/// <c>SqliteConnection.ClearAllPools</c> is process-wide: run in parallel, one class's clean-up broke another's
/// connections mid-test ("SQL logic error", seen once in five suite runs). In one collection they run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SqliteFilesCollection
{
    public const string Name = "SQLite files";
}
