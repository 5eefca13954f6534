using System.Net;
using System.Text;
using Chatbot.Tests.Infrastructure;
using Chatbot.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;
using Chatbot.Testing;

namespace Chatbot.Tests.Security;

/// <summary>
/// Issue 12, finding 1: anonymous /api/messages in production, staff status from a claimed channel id, replies to any
/// serviceUrl, and /api/messages reaching the web chat's conversations. Each test is the exploit; it must fail.
/// </summary>
public sealed class ChannelAuthenticationSecurityTests
{
    private static JObject Activity(string channelId, string text, string serviceUrl = "http://127.0.0.1:9/", string? conversationId = null) => new()
    {
        ["type"] = "message",
        ["id"] = "m-" + Guid.NewGuid().ToString("N"),
        ["text"] = text,
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JObject { ["id"] = "attacker", ["aadObjectId"] = TeamsFixtures.DanaAadObjectId },
        ["recipient"] = new JObject { ["id"] = "bot" },
        ["conversation"] = new JObject { ["id"] = conversationId ?? "c-" + Guid.NewGuid().ToString("N"), ["tenantId"] = TeamsFixtures.ClinicTenant },
        ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = TeamsFixtures.ClinicTenant } },
        ["deliveryMode"] = "expectReplies",
    };

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, JObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json") };
        request.Headers.Add(FakeBotConnector.UnsignedHeader, "1");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task WithoutAnAppIdMessagesRefusesEveryRequestWhileTheWebChatWorks(string environment)
    {
        await using var factory = new HostIn(environment, allowAnonymous: false);
        var client = factory.CreateClient();
        foreach (var channel in new[] { "msteams", "webchat", "emulator", "directline" })
        {
            var (status, body) = await PostAsync(client, Activity(channel, "bookings"));
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.DoesNotContain("PSI-", body, StringComparison.Ordinal);
        }

        factory.Predict(("faq/infusion_duration", 0.95f));
        var chat = await new DirectLineClient(client).StartAsync();
        var reply = Assert.Single(await chat.SayAsync("how long does an infusion take?"));
        Assert.Equal(factory.Catalog.Find("faq/infusion_duration")!.Answer, reply.Text);
    }

    [Fact]
    public void TheBotRefusesToStartWithAnonymousChannelsInProduction()
    {
        using var factory = new HostIn("Production", allowAnonymous: true);
        var error = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<IHost>());
        var message = error.ToString();
        Assert.Contains("BotFramework:AllowAnonymous", message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClaimedTeamsChannelIsNeverStaffInAnonymousMode()
    {
        await using var factory = new HostIn("Testing", allowAnonymous: true);
        var (status, body) = await PostAsync(factory.CreateClient(), Activity("msteams", "bookings"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("this assistant is only available to", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Booking requests", body, StringComparison.OrdinalIgnoreCase);

        var invoke = Activity("msteams", string.Empty);
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = "booking.status", ["data"] = new JObject { ["reference"] = "PSI-AAAAAA", ["status"] = "Cancelled" } } };
        invoke.Remove("deliveryMode");
        var (invokeStatus, invokeBody) = await PostAsync(factory.CreateClient(), invoke);
        Assert.Equal(HttpStatusCode.OK, invokeStatus);
        Assert.Contains("403", invokeBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://169.254.169.254/metadata/")]
    [InlineData("https://attacker.example/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://localhost.attacker.example/")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task AnonymousModeRefusesServiceUrlsThatAreNotThisMachine(string serviceUrl)
    {
        await using var factory = new HostIn("Testing", allowAnonymous: true);
        var activity = Activity("emulator", "hello", serviceUrl);
        activity.Remove("deliveryMode");
        var (status, _) = await PostAsync(factory.CreateClient(), activity);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    public async Task WithAnAppIdTheServiceUrlMustBeAnAllowedBotFrameworkHost(string serviceUrl)
    {
        await using var factory = new TeamsTestFactory();
        var activity = TeamsFixtures.Personal("bookings").WithServiceUrl(serviceUrl);
        activity["deliveryMode"] = "expectReplies";

        // Signed by the fake Bot Connector with a matching serviceurl claim: only the host list can stop it.
        using var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithAnAppIdAnUnsignedTeamsRequestIs401()
    {
        await using var factory = new TeamsTestFactory();
        var (status, body) = await PostAsync(factory.CreateClient(), TeamsFixtures.Personal("bookings"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("PSI-", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagesCannotContinueAWebChatPatientsConversation()
    {
        await using var factory = new HostIn("Testing", allowAnonymous: true);
        factory.Predict(("booking/appointment", 0.95f));
        var patient = await new DirectLineClient(factory.CreateClient()).StartAsync();
        await patient.SayAsync("I'd like to book a consultation");
        Assert.Contains("phone number or e-mail", (await patient.SayAsync("Jordan Avery"))[^1].Text, StringComparison.Ordinal);
        await patient.SayAsync("(312) 555-0199");

        foreach (var channel in new[] { "webchat", "directline", "@directline", "%40directline" })
        {
            var (status, body) = await PostAsync(factory.CreateClient(), Activity(channel, "next Tuesday afternoon", conversationId: patient.ConversationId));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("Jordan", body, StringComparison.Ordinal);
            Assert.DoesNotContain("0199", body, StringComparison.Ordinal);
        }

        // The patient's own conversation is untouched: the next step still waits for them.
        var summary = (await patient.SayAsync("next Tuesday afternoon"))[^1].Text;
        Assert.Contains("Jordan Avery", summary, StringComparison.Ordinal);
    }

    private sealed class HostIn(string environment, bool allowAnonymous) : ScriptedClassifierFactory
    {
        protected override string EnvironmentName => environment;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["BotFramework:AllowAnonymous"] = allowAnonymous ? "true" : "false",
            ["Chatbot:Teams:AllowedTenantIds:0"] = TeamsFixtures.ClinicTenant,

            // Production must be reached over HTTPS: as behind a TLS-terminating proxy.
            ["Chatbot:ForwardedHeaders:KnownProxies:0"] = "10.0.0.4",
        };
    }
}
