using Chatbot.Testing;
using Chatbot.Clinic.Tests.Infrastructure;
using Chatbot.BotFramework.DirectLine;
using Chatbot.Clinic.Storage.Sqlite;

namespace Chatbot.Clinic.Tests.DirectLine;

[Collection(SqliteFilesCollection.Name)]
public sealed class SqliteDirectLineTranscriptStoreTests : DirectLineTranscriptStoreContractTests, IDisposable
{
    private readonly TemporarySqliteFolder _folder = new();

    protected override Task<IDirectLineTranscriptStore> CreateStoreAsync() =>
        Task.FromResult<IDirectLineTranscriptStore>(new SqliteDirectLineTranscriptStore(new SqliteDatabase(_folder.PathOf(Guid.NewGuid().ToString("N") + ".db"))));

    public void Dispose() => _folder.Dispose();
}
