using Chatbot.Tests.Infrastructure;
using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Tests.DirectLine;
using Chatbot.Storage;

namespace Chatbot.Tests.Storage;

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteDirectLineTranscriptStoreTests : DirectLineTranscriptStoreContractTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-dl-").FullName;

    protected override Task<IDirectLineTranscriptStore> CreateStoreAsync() =>
        Task.FromResult<IDirectLineTranscriptStore>(new SqliteDirectLineTranscriptStore(new SqliteDatabase(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"))));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the OS cleans temp folders.
        }
    }
}
