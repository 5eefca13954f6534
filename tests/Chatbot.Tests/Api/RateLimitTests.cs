using System.Net;
using Chatbot.Tests.Infrastructure;

namespace Chatbot.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task StartingConversationsIsLimitedPerClientButPollingIsNot()
    {
        await using var factory = new LowLimitFactory();
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/v3/directline/tokens/generate", null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    private sealed class LowLimitFactory : ScriptedClassifierFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Chatbot:RateLimits:ConversationStartsPerMinutePerIp"] = "3" };
    }
}
