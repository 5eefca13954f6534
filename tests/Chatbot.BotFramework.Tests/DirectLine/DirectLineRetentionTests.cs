using Chatbot.BotFramework.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.BotFramework.Tests.DirectLine;

public sealed class DirectLineRetentionTests
{
    [Fact]
    public async Task ConversationsInactiveLongerThanTheRetentionArePurged()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:TranscriptRetention"] = "02:00:00" });
        var purge = host.Services.GetRequiredService<DirectLineTranscriptPurgeService>();
        var (active, activeToken) = await host.StartConversationAsync();
        var (idle, _) = await host.StartConversationAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(25));
        await host.PostTextAsync(active, activeToken, "still here?");
        host.Clock.Advance(TimeSpan.FromMinutes(100));

        Assert.Equal(1, await purge.PurgeOnceAsync(CancellationToken.None));

        Assert.Equal(200, (await host.PollAsync(active, DirectLineTestHost.Secret)).Status);
        Assert.Equal(404, (await host.PollAsync(idle, DirectLineTestHost.Secret)).Status);
        Assert.Equal(0, await purge.PurgeOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task APurgedConversationIs404ForItsClient()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:TranscriptRetention"] = "00:10:00" });
        var (conversationId, token) = await host.StartConversationAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        await host.Services.GetRequiredService<DirectLineTranscriptPurgeService>().PurgeOnceAsync(CancellationToken.None);

        Assert.Equal(404, (await host.PollAsync(conversationId, token)).Status);
    }
}
