using Chatbot.Faq.Safety;
using Chatbot.Faq.Answering;
using Chatbot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Infrastructure;

internal static class KnowledgeReady
{
    /// <summary>Waits until the host published its FAQ knowledge (training it on first use).</summary>
    public static async Task<FaqKnowledge> WaitAsync(IServiceProvider services)
    {
        var knowledge = await services.GetRequiredService<FaqKnowledgeProvider>().WaitAsync(TimeSpan.FromMinutes(10), CancellationToken.None);
        return knowledge ?? throw new InvalidOperationException("The FAQ knowledge was not published: " + services.GetRequiredService<FaqKnowledgeProvider>().LoadError);
    }
}
