using Chatbot.Testing;
using Chatbot.BotFramework.DirectLine;

namespace Chatbot.BotFramework.Tests.DirectLine;

public sealed class InMemoryDirectLineTranscriptStoreTests : DirectLineTranscriptStoreContractTests
{
    protected override Task<IDirectLineTranscriptStore> CreateStoreAsync() =>
        Task.FromResult<IDirectLineTranscriptStore>(new InMemoryDirectLineTranscriptStore());
}
