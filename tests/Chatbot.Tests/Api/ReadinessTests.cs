using System.Net;
using Chatbot.Faq.Safety;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Api;

/// <summary>The real start-up: ready once the FAQ model is published and the safety gate's learned layer is loaded.</summary>
public sealed class ReadinessTests(ChatbotAppFactory factory) : IClassFixture<ChatbotAppFactory>
{
    [Fact]
    public async Task ReadyOnceTheFaqModelAndTheSafetyModelAreLoaded()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await KnowledgeReady.WaitAsync(factory.Services);
        Assert.NotNull(factory.Services.GetRequiredService<SafetyModelHolder>().Wait(TimeSpan.FromMinutes(5)));
        var ready = await client.GetAsync("/readyz");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"safetyModel\":\"loaded\"", body, StringComparison.Ordinal);
    }
}
