using System.Net;
using System.Text.RegularExpressions;

namespace Chatbot.Tests.Staff;

/// <summary>A browser-like client of the staff pages: keeps cookies, reads the anti-forgery token from forms.</summary>
public sealed partial class StaffClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var token = await TokenAsync("/staff/signin");
        var response = await PostAsync("/staff/signin", token, new() { ["UserName"] = userName, ["Password"] = password });
        return response;
    }

    /// <summary>GETs a page and returns its body, failing on anything but 200.</summary>
    public async Task<string> PageAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}\n{body}");
        return body;
    }

    /// <summary>The anti-forgery token of the first form on the page.</summary>
    public async Task<string> TokenAsync(string url) => Token(await PageAsync(url));

    public static string Token(string html) => Field(html, "__RequestVerificationToken");

    /// <summary>The value of the first input named <paramref name="name"/>.</summary>
    public static string Field(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        if (!match.Success)
        {
            match = Regex.Match(html, $"<input[^>]*value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"");
        }

        Assert.True(match.Success, $"no input '{name}' in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The text of a textarea.</summary>
    public static string TextArea(string html, string name)
    {
        var match = Regex.Match(html, $"<textarea[^>]*name=\"{Regex.Escape(name)}\"[^>]*>([^<]*)</textarea>");
        Assert.True(match.Success, $"no textarea '{name}' in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value).TrimStart('\n');
    }

    /// <summary>POSTs a form with the anti-forgery token (none when <paramref name="token"/> is null).</summary>
    public Task<HttpResponseMessage> PostAsync(string url, string? token, Dictionary<string, string> fields) =>
        PostAsync(url, token, fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    public Task<HttpResponseMessage> PostAsync(string url, string? token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(KeyValuePair.Create("__RequestVerificationToken", token));
        }

        return Http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>The visible text of an HTML page (tags removed, entities decoded, whitespace collapsed).</summary>
    public static string Text(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
