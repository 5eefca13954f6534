using System.Net;
using System.Text;
using Chatbot.BotFramework.Schema;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Teams;

/// <summary>
/// The real host (scripted classifier, fake clock, in-memory storage) with an app id and a fake Azure Bot Service that
/// signs every request (staff status needs an authenticated Teams channel), the clinic's tenant on the allow-list and
/// a staff notification channel configured. The Connector's own retries are off so a scripted
/// failure is one failed delivery (the outbox does the retrying).
/// </summary>
public class TeamsTestFactory : ScriptedClassifierFactory
{
    protected override bool AuthenticatedChannels => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Chatbot:Teams:AllowedTenantIds:0"] = TeamsFixtures.ClinicTenant,
        ["Chatbot:Teams:NotificationChannelId"] = TeamsFixtures.ChannelId,
    };

    protected override void ConfigureMoreServices(IServiceCollection services)
    {
        services.ConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.ShouldHandle = _ => ValueTask.FromResult(false));
    }

    /// <summary>Posts an activity with <c>expectReplies</c> and returns the replies.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        using var response = await CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return [.. BotJson.Deserialize<ExpectedReplies>(body)!.Activities];
    }

    /// <summary>Posts an invoke and returns the HTTP status and body.</summary>
    public async Task<(HttpStatusCode Status, JObject? Body)> InvokeAsync(JObject activity)
    {
        using var response = await CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? null : JObject.Parse(body));
    }

    /// <summary>Posts an activity normally (replies go out of band to its serviceUrl).</summary>
    public async Task PostAsync(JObject activity)
    {
        using var response = await CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>Helpers to read the cards the bot sends.</summary>
internal static class Cards
{
    /// <summary>The Adaptive Card of a reply (there must be exactly one).</summary>
    public static JObject Of(Activity activity)
    {
        var attachment = Assert.Single(activity.Attachments ?? []);
        Assert.Equal(ContentTypes.AdaptiveCard, attachment.ContentType);
        return (JObject)attachment.Content!;
    }

    /// <summary>Every <c>Action.Execute</c> in a card (body action sets and card actions).</summary>
    public static List<JObject> Executes(JObject card) =>
        [.. card.Descendants().OfType<JObject>().Where(o => (string?)o["type"] == "Action.Execute")];

    /// <summary>All the text a person would read on the card.</summary>
    public static string Text(JObject card) =>
        string.Join("\n", card.Descendants().OfType<JProperty>().Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String).Select(p => (string)p.Value!));
}
