using Chatbot.EndToEndTests.Infrastructure;

namespace Chatbot.EndToEndTests.Clients;

/// <summary>
/// Independent clients from npm against the real host: botframework-directlinejs (the library inside Web Chat) on
/// the Direct Line server, and botbuilder's BotFrameworkHttpClient on /api/messages. The scripts live in tests/clients
/// and also run on their own (<c>BOT_URL=… node --test</c>).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NodeClientTests(ChatbotServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [NodeFact]
    public Task DirectLineJsTalksToTheDirectLineServer() => RunAsync("directline-client.test.js");

    [NodeFact]
    public Task BotBuilderHttpClientTalksToApiMessages() => RunAsync("botbuilder-client.test.js");

    private async Task RunAsync(string file)
    {
        await NodeClients.EnsureInstalledAsync(output);
        var result = await NodeClients.TestAsync(file, new Dictionary<string, string>
        {
            ["BOT_URL"] = server.BaseUrl.ToString().TrimEnd('/'),
            ["FAQ_DATA"] = RepositoryPaths.FaqData,
        }, Timeout);

        output.WriteLine($"node --test {file}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, $"node --test {file} failed (exit {result.ExitCode}):\n{result.Output}\nServer warnings:\n{string.Join('\n', server.Factory.Problems)}");
    }
}
