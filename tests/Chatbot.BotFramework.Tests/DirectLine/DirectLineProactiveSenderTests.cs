using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.BotFramework.Tests.DirectLine;

/// <summary>Proactive messages appended outside a turn reach the client's next poll.</summary>
public sealed class DirectLineProactiveSenderTests
{
    [Fact]
    public async Task AProactiveMessageIsPolledAsABotActivityWithNoReplyTo()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var (conversationId, token) = await host.StartConversationAsync();
        var sender = host.Services.GetRequiredService<DirectLineProactiveSender>();

        var sent = await sender.SendAsync(conversationId, [new Activity { Type = ActivityTypes.Message, Text = "Dana here.", From = new ChannelAccount { Id = "staff:dana", Name = "Dana" } }], default);

        Assert.True(sent);
        var (_, set) = await host.PollAsync(conversationId, token);
        var last = set!["activities"]!.Last!;
        Assert.Equal(("Dana here.", "bot", "staff:dana"), ((string?)last["text"], (string?)last["from"]!["role"], (string?)last["from"]!["id"]));
        Assert.Null(last["replyToId"]);
        Assert.StartsWith(conversationId + "|", (string)last["id"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownConversationGetsNothing()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var sender = host.Services.GetRequiredService<DirectLineProactiveSender>();
        Assert.False(await sender.SendAsync("never-started", [new Activity { Type = ActivityTypes.Message, Text = "hi" }], default));
    }
}
