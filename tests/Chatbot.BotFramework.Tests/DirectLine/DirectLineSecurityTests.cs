using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.DirectLine;

public sealed class DirectLineSecurityTests
{
    [Fact]
    public async Task ATokenForOneConversationCanNeitherReadNorPostToAnother()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (victim, victimToken) = await host.StartConversationAsync();
        await host.PostTextAsync(victim, victimToken, "private question");
        var (_, attackerToken) = await host.StartConversationAsync();

        Assert.Equal(403, (await host.PollAsync(victim, attackerToken)).Status);
        Assert.Equal(403, (await host.PostTextAsync(victim, attackerToken, "hi")).Status);
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Get, $"conversations/{victim}", attackerToken)).Status);
        Assert.Equal(3, (await host.PollAsync(victim, victimToken)).Body!["activities"]!.Count());
    }

    [Fact]
    public async Task ATamperedTokenIsForbidden()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        var (other, _) = await host.StartConversationAsync();
        var parts = token.Split('.');
        var payload = DirectLineTokenTests.Payload(token);
        payload["conv"] = other;
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.ToString()))}.{parts[2]}";
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var noneAlg = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + ".";

        foreach (var bad in new[] { forged, flipped, noneAlg, parts[0] + "." + parts[1], token + "x" })
        {
            Assert.Equal(403, (await host.PollAsync(other, bad)).Status);
            Assert.Equal(403, (await host.PollAsync(conversationId, bad)).Status);
            Assert.Equal(403, (await host.PostTextAsync(conversationId, bad, "hi")).Status);
        }
    }

    [Fact]
    public async Task AnExpiredTokenIsForbiddenEverywhere()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(403, (await host.PollAsync(conversationId, token)).Status);
        Assert.Equal(403, (await host.PostTextAsync(conversationId, token, "hi")).Status);
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Post, "tokens/refresh", token)).Status);
        Assert.Equal(403, (await host.SendAsync(HttpMethod.Get, $"conversations/{conversationId}", token)).Status);
    }

    [Fact]
    public async Task AConversationThatDoesNotExistIs404()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (notStarted, token) = await host.GenerateTokenAsync();

        Assert.Equal(404, (await host.PollAsync(notStarted, token)).Status);
        Assert.Equal(404, (await host.PostTextAsync(notStarted, token, "hi")).Status);
        Assert.Equal(404, (await host.PollAsync("no-such-conversation", DirectLineTestHost.Secret)).Status);
        var (_, body) = await host.PollAsync("no-such-conversation", DirectLineTestHost.Secret);
        Assert.Equal("NotFound", (string)body!["error"]!["code"]!);
    }

    [Fact]
    public async Task NoCredentialsIsForbidden()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, _) = await host.StartConversationAsync();
        Assert.Equal(403, (await host.PollAsync(conversationId, null!)).Status);
        Assert.Equal(403, (await host.PostTextAsync(conversationId, null!, "hi")).Status);
    }

    [Fact]
    public async Task APollingFloodGets429WithRetryAfterAndNever5xx()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:PollBurst"] = "5", ["DirectLine:PollsPerSecond"] = "1" });
        var (conversationId, token) = await host.StartConversationAsync();

        List<HttpResponseMessage> responses = [];
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark=");
            request.Headers.Authorization = new("Bearer", token);
            responses.Add(await host.Client.SendAsync(request));
        }

        Assert.Equal(5, responses.Count(r => (int)r.StatusCode == 200));
        var limited = responses.Where(r => (int)r.StatusCode == 429).ToList();
        Assert.Equal(15, limited.Count);
        Assert.All(limited, r => Assert.Equal("1", r.Headers.GetValues("Retry-After").Single()));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await host.PollAsync(conversationId, token)).Status);
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task APollIsNever5xxEvenWhenTheStoreFails()
    {
        var store = new FailingStore();
        await using var host = await DirectLineTestHost.StartAsync(configureServices: s => s.AddSingleton<IDirectLineTranscriptStore>(store));
        var (conversationId, token) = await host.StartConversationAsync();
        store.FailReads = true;

        var (status, body) = await host.PollAsync(conversationId, token, "1");

        Assert.Equal(200, status);
        Assert.Empty((JArray)body!["activities"]!);
        Assert.Equal("1", (string)body["watermark"]!);
    }

    [Fact]
    public async Task OtherFailuresUseTheDirectLineErrorBody()
    {
        var store = new FailingStore();
        await using var host = await DirectLineTestHost.StartAsync(configureServices: s => s.AddSingleton<IDirectLineTranscriptStore>(store));
        var (conversationId, token) = await host.StartConversationAsync();
        store.FailReads = true;

        var (status, body) = await host.PostTextAsync(conversationId, token, "hi");

        Assert.Equal(500, status);
        Assert.Equal("ServiceError", (string)body!["error"]!["code"]!);
        Assert.DoesNotContain("store is down", body.ToString(), StringComparison.Ordinal);
    }

    private sealed class FailingStore : IDirectLineTranscriptStore
    {
        private readonly InMemoryDirectLineTranscriptStore _inner = new();

        public bool FailReads { get; set; }

        public Task<bool> TryCreateConversationAsync(string conversationId, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
            _inner.TryCreateConversationAsync(conversationId, createdAt, cancellationToken);

        public Task<DirectLineConversationInfo?> GetConversationAsync(string conversationId, CancellationToken cancellationToken) =>
            FailReads ? throw new InvalidOperationException("store is down") : _inner.GetConversationAsync(conversationId, cancellationToken);

        public Task<IReadOnlyList<long>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, DateTimeOffset appendedAt, CancellationToken cancellationToken) =>
            _inner.AppendAsync(conversationId, activities, appendedAt, cancellationToken);

        public Task<IReadOnlyList<DirectLineTranscriptEntry>> ReadAsync(string conversationId, long afterSequence, int maxCount, CancellationToken cancellationToken) =>
            FailReads ? throw new InvalidOperationException("store is down") : _inner.ReadAsync(conversationId, afterSequence, maxCount, cancellationToken);

        public Task<long?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken) =>
            _inner.FindByClientActivityIdAsync(conversationId, clientActivityId, cancellationToken);

        public Task<int> DeleteInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
            _inner.DeleteInactiveAsync(cutoff, cancellationToken);
    }
}
