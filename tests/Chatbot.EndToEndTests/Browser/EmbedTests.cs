using System.Collections.Concurrent;
using System.Diagnostics;
using Chatbot.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Chatbot.EndToEndTests.Browser;

/// <summary>
/// Issue 15: a clinic pastes one script tag into its own site (another origin, with a strict CSP of its own) and
/// patients chat through the launcher and panel; a site that is not allowed cannot show the panel.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EmbedTests(ChatbotServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    private const string Launcher = "Questions? Chat with us";

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task APatientChatsThroughTheWidgetOnTheClinicsOwnSite(string size)
    {
        var viewport = Viewport.ByName(size);
        await using var site = await SitePage.OpenAsync(chromium, server.AllowedSite, viewport, output);

        // The launcher is a real button on the clinic's page; nothing of the chat loads before it is pressed.
        var launcher = site.Page.GetByRole(AriaRole.Button, new() { Name = Launcher });
        await launcher.WaitForAsync();
        Assert.DoesNotContain(site.Requests, r => r.Contains("/embed.html", StringComparison.Ordinal));
        Assert.Equal("false", await launcher.GetAttributeAsync("aria-expanded"));

        var clock = Stopwatch.StartNew();
        await launcher.ClickAsync();
        var frame = site.Page.FrameLocator("iframe[title='" + Launcher + "']");
        var firstBubble = frame.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content").First;
        await firstBubble.WaitForAsync(new() { Timeout = 15_000 });
        Timings.Record(output, $"launcher pressed → welcome in the embedded panel ({viewport})", clock.Elapsed);
        Assert.Contains("automated assistant", await firstBubble.InnerTextAsync(), StringComparison.Ordinal);

        // The panel: a named dialog with a close button; on the phone it covers the screen.
        var panel = site.Page.GetByRole(AriaRole.Dialog, new() { Name = Launcher });
        Assert.True(await panel.IsVisibleAsync());
        var box = await panel.BoundingBoxAsync();
        if (viewport.IsPhone)
        {
            Assert.True(box!.Width >= viewport.Width - 1 && box.Height >= viewport.Height - 1, $"On the phone the panel is {box.Width:0}×{box.Height:0}.");
        }

        Assert.True(await frame.Locator(".emergency-bar a[href='tel:911']").IsVisibleAsync(), "No emergency bar in the panel.");

        var entry = FaqData.Entry("faq/infusion_duration");
        var input = frame.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(entry.FirstExample);
        clock.Restart();
        await input.PressAsync("Enter");
        await frame.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content").Filter(new() { HasText = entry.AnswerAsRendered[..40] }).First
            .WaitForAsync(new() { Timeout = 15_000 });
        Timings.Record(output, $"send → answer in the embedded panel ({viewport})", clock.Elapsed);

        // The clinic's page never talks to Direct Line itself and holds no token: only the panel (our origin) does.
        Assert.All(site.DirectLineRequests, r => Assert.Equal(server.BaseUrl.GetLeftPart(UriPartial.Authority), r.FrameOrigin));
        Assert.Contains(site.DirectLineRequests, r => r.Url.Contains("/tokens/generate", StringComparison.Ordinal));
        Assert.DoesNotContain("token", await site.Page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await site.ScreenshotAsync("chatting");

        var violations = await AxeScan.ViolationsAsync(site.Page, output, $"clinic site with the panel open ({viewport})");

        // Closing returns focus to the launcher.
        await site.Page.GetByRole(AriaRole.Button, new() { Name = "Close the chat" }).ClickAsync();
        Assert.False(await panel.IsVisibleAsync());
        Assert.True(await launcher.EvaluateAsync<bool>("b => b.getRootNode().activeElement === b"), "Focus did not return to the launcher.");
        Assert.True(site.ConsoleProblems.Count == 0, "Console errors on the clinic's site:\n" + string.Join('\n', site.ConsoleProblems));
        Assert.True(violations.Count == 0, "axe-core violations:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task AKeyboardAloneOpensTheWidgetAndAsks()
    {
        await using var site = await SitePage.OpenAsync(chromium, server.AllowedSite, Viewport.Desktop, output);
        var keyboard = site.Page.Keyboard;
        await site.Page.GetByRole(AriaRole.Button, new() { Name = Launcher }).WaitForAsync();

        // Tab from the top of the clinic's page reaches the launcher, whose focus is visible.
        var found = false;
        for (var i = 0; i < 10 && !found; i++)
        {
            await keyboard.PressAsync("Tab");
            found = await site.Page.EvaluateAsync<bool>("() => document.activeElement?.id === 'clinic-chat-embed' && document.activeElement.shadowRoot.activeElement?.classList.contains('launcher')");
        }

        Assert.True(found, "Tab never reached the chat launcher.");
        var outline = await site.Page.EvaluateAsync<string>("() => { const b = document.activeElement.shadowRoot.activeElement; const s = getComputedStyle(b); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.StartsWith("solid 3px", outline, StringComparison.Ordinal);

        // Enter opens the panel and puts the cursor in the chat's input: typing and Enter ask.
        await keyboard.PressAsync("Enter");
        var frame = site.Page.FrameLocator("iframe[title='" + Launcher + "']");
        var input = frame.Locator("[data-id='webchat-sendbox-input']");
        await input.WaitForAsync(new() { Timeout = 15_000 });
        var focused = false;
        for (var i = 0; i < 100 && !focused; i++)
        {
            focused = await input.EvaluateAsync<bool>("e => document.activeElement === e && document.hasFocus()");
            await Task.Delay(50);
        }

        Assert.True(focused, "Opening the panel with the keyboard did not focus the chat's input.");
        var entry = FaqData.Entry("faq/who_prescribes");
        await keyboard.TypeAsync(entry.FirstExample);
        await keyboard.PressAsync("Enter");
        await frame.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content").Filter(new() { HasText = entry.AnswerAsRendered[..40] }).First
            .WaitForAsync(new() { Timeout = 15_000 });

        // After sending, the cursor is still in the input (no trap, no jump).
        Assert.True(await input.EvaluateAsync<bool>("e => document.activeElement === e"), "Focus left the input after sending.");
        await site.ScreenshotAsync("keyboard");
    }

    [Fact]
    public async Task ASiteThatIsNotAllowedCannotShowThePanel()
    {
        await using var site = await SitePage.OpenAsync(chromium, server.OtherSite, Viewport.Desktop, output);
        await site.Page.GetByRole(AriaRole.Button, new() { Name = Launcher }).ClickAsync();

        // frame-ancestors refuses the panel; the widget notices (the frame loads without saying it is ready), says so and
        // offers the chat in a new tab.
        var fallback = site.Page.GetByText("The chat could not open here.");
        await fallback.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(server.BaseUrl.GetLeftPart(UriPartial.Authority) + "/", await site.Page.GetByRole(AriaRole.Link, new() { Name = "Open the chat in a new tab" }).GetAttributeAsync("href"));
        Assert.True(await site.Page.Locator("#clinic-chat-embed").Locator("a[href='tel:911']").IsVisibleAsync());
        Assert.DoesNotContain(site.DirectLineRequests, r => r.Url.Contains("/tokens/generate", StringComparison.Ordinal));
        Assert.Contains(site.ConsoleProblems, p => p.Contains("frame-ancestors", StringComparison.Ordinal));
        await site.ScreenshotAsync("refused");
    }

    /// <summary>A clinic's page in Chromium, recording Direct Line requests with the origin of the frame that made them.</summary>
    private sealed class SitePage : IAsyncDisposable
    {
        private readonly IBrowserContext _context;
        private readonly ITestOutputHelper _output;
        private readonly string _name;
        private readonly ConcurrentQueue<string> _requests = new();
        private readonly ConcurrentQueue<(string Url, string FrameOrigin)> _directLine = new();
        private readonly ConcurrentQueue<string> _console = new();

        private SitePage(IBrowserContext context, IPage page, ITestOutputHelper output, string name)
        {
            _context = context;
            Page = page;
            _output = output;
            _name = name;
            context.Request += (_, request) =>
            {
                _requests.Enqueue(request.Url);
                if (request.Url.Contains("/v3/directline", StringComparison.Ordinal))
                {
                    var frameUrl = request.Frame.Url;
                    _directLine.Enqueue((request.Url, Uri.TryCreate(frameUrl, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : frameUrl));
                }
            };
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    _console.Enqueue(message.Text);
                }
            };
        }

        public IPage Page { get; }

        public IReadOnlyList<string> Requests => [.. _requests];

        public IReadOnlyList<(string Url, string FrameOrigin)> DirectLineRequests => [.. _directLine];

        public IReadOnlyList<string> ConsoleProblems => [.. _console];

        public static async Task<SitePage> OpenAsync(ChromiumBrowser chromium, ClinicWebsite site, Viewport viewport, ITestOutputHelper output)
        {
            var context = await viewport.NewContextAsync(await chromium.GetAsync());
            var page = await context.NewPageAsync();
            var sitePage = new SitePage(context, page, output, $"embed-{viewport.Name}");
            await page.GotoAsync(site.BaseUrl.ToString());
            return sitePage;
        }

        public async Task ScreenshotAsync(string step)
        {
            var folder = Path.Combine(RepositoryPaths.Artifacts, "screenshots");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{_name}-{step}.png");
            await Page.ScreenshotAsync(new() { Path = path });
            _output.WriteLine($"screenshot: {path}");
        }

        public async ValueTask DisposeAsync() => await _context.DisposeAsync();
    }
}
