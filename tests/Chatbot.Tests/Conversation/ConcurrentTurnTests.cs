using Chatbot.Clinic.Conversations;
using Chatbot.Clinic.Storage.InMemory;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Conversation;

/// <summary>
/// Two messages of one conversation handled at the same moment (a double-clicked button, two instances): both read
/// the same state; the second save meets the first one's ETag, and its turn runs again on the newer state. Nothing
/// either turn did is lost, and each message is answered once.
/// </summary>
public sealed class ConcurrentTurnTests(ConcurrentTurnTests.Factory factory) : IClassFixture<ConcurrentTurnTests.Factory>
{
    [Fact]
    public async Task TwoMessagesAtOnceBothTakeEffectAndEachIsAnsweredOnce()
    {
        await KnowledgeReady.WaitAsync(factory.Services);
        var client = new BotClient(factory.CreateClient());
        await client.SayAsync("hello");
        factory.Store.HoldNextReads(2);

        var replies = await Task.WhenAll(client.SayAsync("how long does an infusion take"), client.SayAsync("is ketamine safe"));

        Assert.All(replies, r => Assert.Single(r, a => a.Type == "message"));
        Assert.True(factory.Store.Conflicts >= 1, "the two turns must really have raced");
        var state = JObject.Parse((await factory.Store.ReadAsync("webchat/conversations/" + client.ConversationId, default))!.Json);
        var remembered = state["RecentMessages"]!.Select(m => (string)m!).ToList();
        Assert.Contains("how long does an infusion take", remembered);
        Assert.Contains("is ketamine safe", remembered);
    }

    public sealed class Factory : ChatbotAppFactory
    {
        public RacingStateStore Store { get; } = new(new InMemoryConversationStateStore(TimeProvider.System));

        protected override void ConfigureServices(IServiceCollection services) =>
            services.Replace(ServiceDescriptor.Singleton<IConversationStateStore>(Store));
    }

    /// <summary>A state store that can make the next reads wait for each other, so two turns read the same version.</summary>
    public sealed class RacingStateStore(IConversationStateStore inner) : IConversationStateStore
    {
        private TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _readsToHold;
        private int _conflicts;

        public int Conflicts => _conflicts;

        public void HoldNextReads(int readers)
        {
            _allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _readsToHold = readers;
        }

        public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            var document = await inner.ReadAsync(key, cancellationToken);
            var left = Interlocked.Decrement(ref _readsToHold);
            if (left >= 0)
            {
                // Each held reader waits until all have read: they carry the same ETag into their turns.
                if (left == 0)
                {
                    _allRead.TrySetResult();
                }

                await _allRead.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return document;
        }

        public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
        {
            try
            {
                return await inner.WriteAsync(key, json, expectedETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                Interlocked.Increment(ref _conflicts);
                throw;
            }
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => inner.PurgeAsync(olderThan, cancellationToken);

        public Task<int> RewriteAsync(DateTimeOffset writtenBefore, string marker, Func<string, string?> rewrite, CancellationToken cancellationToken) =>
            inner.RewriteAsync(writtenBefore, marker, rewrite, cancellationToken);
    }
}
