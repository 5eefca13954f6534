using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Infrastructure;

/// <summary>The web chat's side of our Direct Line server, as directlinejs drives it: token, start, post, poll.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    private long _watermark;

    public string ConversationId { get; private set; } = string.Empty;

    public string Token { get; private set; } = string.Empty;

    public HttpClient Http => http;

    /// <summary>Gets a token as the chat page does and starts the conversation.</summary>
    public async Task<DirectLineClient> StartAsync()
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var generated = await http.SendAsync(generate);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var session = JObject.Parse(await generated.Content.ReadAsStringAsync());
        ConversationId = (string)session["conversationId"]!;
        Token = (string)session["token"]!;
        using var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", new JObject { ["user"] = new JObject() });
        Assert.True(started.IsSuccessStatusCode, $"start: {(int)started.StatusCode}");
        Token = (string)JObject.Parse(await started.Content.ReadAsStringAsync())["token"]!;
        return this;
    }

    /// <summary>The same conversation, token and watermark through another instance (as behind a load balancer).</summary>
    public DirectLineClient On(HttpClient other) => new(other) { ConversationId = ConversationId, Token = Token, _watermark = _watermark };

    /// <summary>Posts a message and returns the bot's replies to it (read by polling from the last watermark).</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string text)
    {
        using var posted = await PostAsync(new JObject { ["type"] = "message", ["text"] = text, ["from"] = new JObject { ["id"] = "dl-user", ["role"] = "user" } });
        var body = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"post: {(int)posted.StatusCode} {body}");
        var postedId = (string)JObject.Parse(body)["id"]!;
        return (await PollAsync()).Where(a => a.ReplyToId == postedId && a.From?.Role != "user").ToList();
    }

    /// <summary>Posts an activity as is.</summary>
    public Task<HttpResponseMessage> PostAsync(JObject activity) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", activity);

    /// <summary>Everything after the last watermark.</summary>
    public async Task<IReadOnlyList<Activity>> PollAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={_watermark}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = JObject.Parse(await response.Content.ReadAsStringAsync());
        _watermark = long.Parse((string?)set["watermark"] ?? _watermark.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        return set["activities"]!.Select(a => a.ToObject<Activity>(BotJson.Serializer)!).ToList();
    }

    /// <summary>A request with this conversation's token (or <paramref name="token"/>).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JObject? body, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }
}
