using Chatbot.EndToEndTests.Infrastructure;

namespace Chatbot.EndToEndTests.Browser;

/// <summary>
/// clinical-safety.md P2: patients' questions are health information, so the chat page talks to its own origin only
/// (no CDN, no analytics, no tracking pixels), under a Content-Security-Policy that says so.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PrivacyTests(ChatbotServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    // Globals that common analytics, tag managers, pixels and session-replay scripts define.
    private const string TrackerGlobals = """
        () => ['ga', 'gtag', 'dataLayer', 'google_tag_manager', 'fbq', '_fbq', '_hsq', 'clarity', 'mixpanel', 'amplitude',
               'analytics', 'heap', '_paq', 'hj', 'FS', 'LogRocket', 'Sentry', 'newrelic', 'appInsights', 'dtrum']
              .filter(name => name in window)
        """;

    [Fact]
    public async Task ThePageTalksOnlyToItsOwnOrigin()
    {
        await using var chat = await ChatPage.OpenAsync(chromium, server, output, "privacy");
        await chat.OpenAndWaitForWelcomeAsync();
        var entry = FaqData.Entry("faq/what_is_ketamine");
        await chat.AskAsync(entry.FirstExample, text => text.Contains(entry.AnswerAsRendered, StringComparison.Ordinal), "the answer of faq/what_is_ketamine");
        var followUp = FaqData.Entry(entry.FollowUps[0]).Title;
        await chat.SuggestedActions.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = followUp, Exact = true }).WaitForAsync();
        await chat.ClickSuggestedActionAsync(followUp, _ => true, "any reply");
        await Task.Delay(1500); // a few more polls, and anything a script would send late

        var origin = server.BaseUrl.GetLeftPart(UriPartial.Authority);
        var requests = chat.Requests;
        output.WriteLine($"{requests.Count} requests; distinct:");
        foreach (var path in requests.Select(r => r.Split('?')[0]).Distinct())
        {
            output.WriteLine("  " + path);
        }

        // data: and blob: URLs are not network requests (the page's favicon is data:,).
        var network = requests.Where(r => !r.StartsWith("data:", StringComparison.Ordinal) && !r.StartsWith("blob:", StringComparison.Ordinal)).ToList();
        var foreign = network.Where(r => !string.Equals(new Uri(r).GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(foreign.Count == 0, "The page sent requests to other origins:\n" + string.Join('\n', foreign));
        Assert.Contains(network, r => r.Contains("/v3/directline/conversations/", StringComparison.Ordinal)); // the chat itself went through our server

        Assert.Empty(await chat.Page.EvaluateAsync<string[]>(TrackerGlobals));
        var scripts = await chat.Page.EvaluateAsync<string[]>("() => [...document.scripts].map(s => s.src || '(inline)')");
        output.WriteLine("scripts: " + string.Join(", ", scripts));
        Assert.All(scripts, src => Assert.StartsWith(origin + "/", src, StringComparison.Ordinal));

        // The page runs under its own CSP without violations (Chromium reports them on the console).
        Assert.True(chat.ConsoleProblems.Count == 0, "Console errors or CSP violations:\n" + string.Join('\n', chat.ConsoleProblems));
        Assert.NotNull(chat.Document);
        Assert.False(string.IsNullOrEmpty(await chat.Document.HeaderValueAsync("content-security-policy")), "the browser got / without a Content-Security-Policy");
    }

    [Fact]
    public async Task ThePageIsServedWithAStrictContentSecurityPolicy()
    {
        using var response = await server.Http.GetAsync("/");
        response.EnsureSuccessStatusCode();
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), "GET / has no Content-Security-Policy header");
        var policy = string.Join(";", values);
        output.WriteLine("Content-Security-Policy: " + policy);

        var directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d.Skip(1).ToArray(), StringComparer.OrdinalIgnoreCase);
        Assert.Contains(string.Join(' ', directives["default-src"]), new[] { "'self'", "'none'" });
        Assert.Equal(["'self'"], directives["connect-src"]); // questions can only go to our own server
        var scripts = directives.TryGetValue("script-src", out var s) ? s : directives["default-src"];
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.All(directives.Values.SelectMany(v => v), source => Assert.DoesNotMatch("^(https?:|\\*|//)", source)); // no third-party hosts anywhere

        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("(?i)googletagmanager|google-analytics|gtag\\(|connect\\.facebook|hotjar|clarity\\.ms|segment\\.(io|com)", html);
    }
}
