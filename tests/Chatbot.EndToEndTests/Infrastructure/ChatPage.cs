using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>
/// The clinic's chat page (<c>/</c>) in Chromium, with Bot Framework Web Chat 4.18.1 inside, seen the way a patient
/// sees it: bubbles, the send box, the "Suggested actions" toolbar. Records every request the page makes and every
/// console error, and saves screenshots to TestResults/screenshots.
/// </summary>
public sealed class ChatPage : IAsyncDisposable
{
    /// <summary>Web Chat's send timeout: a message without an echo shows "Send failed. Retry." after this long.</summary>
    public static readonly TimeSpan WebChatSendTimeout = TimeSpan.FromSeconds(20);

    private const string BotBubbles = "#chat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content";
    private const string UserBubbles = "#chat .webchat__bubble--from-user .webchat__bubble__content";
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly string _name;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _consoleProblems = new();
    private int _screenshots;

    private ChatPage(IBrowserContext context, IPage page, Uri baseUrl, ITestOutputHelper output, string name)
    {
        _context = context;
        Page = page;
        BaseUrl = baseUrl;
        _output = output;
        _name = name;
        context.Request += (_, request) => _requests.Enqueue(request.Url);
        page.Console += (_, message) =>
        {
            // Chromium reports Content-Security-Policy violations and failed requests as console errors.
            if (message.Type == "error")
            {
                _consoleProblems.Enqueue($"{message.Type}: {message.Text}");
            }
            else if (message.Type == "warning")
            {
                Log("console warning: " + message.Text);
            }
        };
        page.PageError += (_, error) => _consoleProblems.Enqueue("page error: " + error);
    }

    public IPage Page { get; }

    public Uri BaseUrl { get; }

    /// <summary>Every URL the page requested (documents, scripts, fetch/XHR), in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Console errors (CSP violations and failed requests show up here) and uncaught page errors.</summary>
    public IReadOnlyList<string> ConsoleProblems => [.. _consoleProblems];

    /// <summary>The response to the page's own navigation.</summary>
    public IResponse? Document { get; private set; }

    /// <summary>When the patient last sent something (typed or clicked).</summary>
    public DateTime LastSentAt { get; private set; }

    /// <summary>How many messages the patient sent (typed or clicked).</summary>
    public int SentCount { get; private set; }

    public ILocator SendBox => Page.Locator("[data-id='webchat-sendbox-input']");

    public ILocator SuggestedActions => Page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" });

    public static Task<ChatPage> OpenAsync(ChromiumBrowser chromium, ChatbotServer server, ITestOutputHelper output, string name) =>
        OpenAsync(chromium, server.BaseUrl, output, name);

    /// <summary>The chat page of a host other than the collection's (e.g. one serving a copy of faq-data).</summary>
    public static Task<ChatPage> OpenAsync(ChromiumBrowser chromium, Uri baseUrl, ITestOutputHelper output, string name) =>
        OpenAsync(chromium, baseUrl, output, name, Viewport.Desktop);

    /// <summary>The chat page at a given viewport (a phone is emulated as a touch device).</summary>
    public static async Task<ChatPage> OpenAsync(ChromiumBrowser chromium, Uri baseUrl, ITestOutputHelper output, string name, Viewport viewport)
    {
        ArgumentNullException.ThrowIfNull(viewport);
        var context = await viewport.NewContextAsync(await chromium.GetAsync());
        var page = await context.NewPageAsync();
        return new ChatPage(context, page, baseUrl, output, $"{name}-{viewport.Name}");
    }

    /// <summary>Opens <c>/</c> and waits for the bot's first bubble; returns the time from navigation to that bubble.</summary>
    public async Task<(string Text, TimeSpan Latency)> OpenAndWaitForWelcomeAsync()
    {
        var clock = Stopwatch.StartNew();
        Document = await Page.GotoAsync(BaseUrl.ToString());
        var welcome = await WaitForBotMessageAsync(0, _ => true, "the welcome message", TimeSpan.FromSeconds(10));
        var latency = clock.Elapsed;
        _output.WriteLine($"[{_name}] page opened, welcome bubble after {latency.TotalMilliseconds:0} ms");
        return (welcome, latency);
    }

    /// <summary>Types a question into the send box and presses Enter; waits for a new bot bubble that matches.</summary>
    public async Task<(string Text, TimeSpan RoundTrip)> AskAsync(string question, Func<string, bool> expected, string what)
    {
        var before = await Page.Locator(BotBubbles).CountAsync();
        await SendBox.FillAsync(question);
        var clock = Stopwatch.StartNew();
        await SendBox.PressAsync("Enter");
        MarkSent();
        var text = await WaitForBotMessageAsync(before, expected, what, AnswerTimeout);
        return (text, clock.Elapsed);
    }

    /// <summary>Clicks a button of the "Suggested actions" toolbar; waits for a new bot bubble that matches.</summary>
    public async Task<(string Text, TimeSpan RoundTrip)> ClickSuggestedActionAsync(string title, Func<string, bool> expected, string what)
    {
        var before = await Page.Locator(BotBubbles).CountAsync();
        var clock = Stopwatch.StartNew();
        await SuggestedActions.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();
        MarkSent();
        var text = await WaitForBotMessageAsync(before, expected, what, AnswerTimeout);
        return (text, clock.Elapsed);
    }

    /// <summary>
    /// Waits until the "Suggested actions" toolbar shows exactly <paramref name="expected"/> (in order) and returns
    /// them: the buttons' accessible names.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForSuggestedActionsAsync(IReadOnlyList<string> expected)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> shown = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            shown = await SuggestedActionTitlesAsync();
            if (shown.SequenceEqual(expected))
            {
                return shown;
            }

            await Task.Delay(25);
        }

        await ScreenshotAsync("suggested-actions");
        throw new TimeoutException($"Suggested actions [{string.Join(" | ", expected)}] never showed; shown: [{string.Join(" | ", shown)}]");
    }

    /// <summary>The accessible names of the buttons in the "Suggested actions" toolbar now.</summary>
    public async Task<IReadOnlyList<string>> SuggestedActionTitlesAsync()
    {
        var names = new List<string>();
        foreach (var button in await SuggestedActions.Locator("button.webchat__suggested-action").AllAsync())
        {
            names.Add(FaqData.Collapse(await button.GetAttributeAsync("aria-label") ?? await button.InnerTextAsync()));
        }

        return names;
    }

    /// <summary>Waits for a bot bubble at index <paramref name="after"/> or later whose rendered text matches.</summary>
    public async Task<string> WaitForBotMessageAsync(int after, Func<string, bool> expected, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> seen = [];
        while (clock.Elapsed < timeout)
        {
            seen = (await Page.Locator(BotBubbles).AllInnerTextsAsync()).Select(FaqData.Collapse).ToList();
            var match = seen.Skip(after).FirstOrDefault(expected);
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(25);
        }

        await ScreenshotAsync("timeout");
        throw new TimeoutException($"No bot message with {what} within {timeout.TotalSeconds:0} s. Bot messages so far:\n- " +
            string.Join("\n- ", seen) + "\nConsole:\n" + string.Join('\n', ConsoleProblems));
    }

    public Task<IReadOnlyList<string>> BotMessagesAsync() => Texts(BotBubbles);

    public Task<IReadOnlyList<string>> UserMessagesAsync() => Texts(UserBubbles);

    /// <summary>Saves a screenshot of the whole page as TestResults/screenshots/&lt;test&gt;-NN-&lt;step&gt;.png.</summary>
    public async Task ScreenshotAsync(string step)
    {
        var folder = Path.Combine(RepositoryPaths.Artifacts, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{_name}-{Interlocked.Increment(ref _screenshots):00}-{step}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        _output.WriteLine($"screenshot: {path}");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private void Log(string line)
    {
        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The browser can report after the test ended; xunit then has no test to write to.
        }
    }

    private async Task<IReadOnlyList<string>> Texts(string selector) =>
        (await Page.Locator(selector).AllInnerTextsAsync()).Select(FaqData.Collapse).ToList();

    private void MarkSent()
    {
        LastSentAt = DateTime.UtcNow;
        SentCount++;
    }
}
