using Chatbot.EndToEndTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chatbot.EndToEndTests.Browser;

/// <summary>
/// The chat page against clinical-safety.md C3: axe-core finds nothing serious or critical (A1), the transcript is a
/// live region and new answers are announced (A2), and a keyboard alone can ask and use a suggested action (A3, A5).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AccessibilityTests(ChatbotServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task AxeFindsNoSeriousOrCriticalViolations()
    {
        await using var chat = await ChatPage.OpenAsync(chromium, server, output, "axe");
        await chat.OpenAndWaitForWelcomeAsync();
        var problems = await ScanAsync(chat, "after the welcome");

        // A Markdown list answer, a clarification with its buttons, and an answer with follow-ups.
        var factors = FaqData.Entry("faq/duration_factors");
        await chat.AskAsync(factors.FirstExample, text => text.Contains(factors.AnswerAsRendered, StringComparison.Ordinal), "the list answer of faq/duration_factors");
        await chat.AskAsync("side effects monitoring", _ => true, "any reply");
        var ketamine = FaqData.Entry("faq/what_is_ketamine");
        await chat.AskAsync(ketamine.FirstExample, text => text.Contains(ketamine.AnswerAsRendered, StringComparison.Ordinal), "the answer of faq/what_is_ketamine");
        problems.AddRange(await ScanAsync(chat, "after three messages"));
        await chat.ScreenshotAsync("after-messages");

        Assert.True(problems.Count == 0, "axe-core found serious or critical violations:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task TranscriptIsALiveRegionThatAnnouncesAnswers()
    {
        await using var chat = await ChatPage.OpenAsync(chromium, server, output, "live-region");
        await chat.OpenAndWaitForWelcomeAsync();

        var liveRegions = chat.Page.Locator("#chat [role='log'][aria-live='polite'], #chat [role='log'][aria-live='assertive']");
        Assert.True(await liveRegions.CountAsync() > 0, "The chat has no role=log live region");
        Assert.Equal("status", await chat.Page.Locator("#chat-status").GetAttributeAsync("role"));

        // Record what screen readers are given: text added to the transcript's live region while the answer arrives.
        await chat.Page.EvaluateAsync("""
            () => {
              window.__announced = [];
              for (const region of document.querySelectorAll('#chat [role="log"][aria-live]')) {
                new MutationObserver(() => window.__announced.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
              }
            }
            """);
        var entry = FaqData.Entry("faq/who_prescribes");
        await chat.AskAsync(entry.FirstExample, text => text.Contains(entry.AnswerAsRendered, StringComparison.Ordinal), "the answer of faq/who_prescribes");

        // The answer's first words must reach the live region (Web Chat prefixes "Bot said:").
        var firstWords = string.Join(' ', entry.AnswerAsRendered.Split(' ').Take(4));
        string[] announced = [];
        for (var i = 0; i < 40 && !announced.Any(a => FaqData.Collapse(a).Contains(firstWords, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50);
            announced = await chat.Page.EvaluateAsync<string[]>("() => window.__announced");
        }

        output.WriteLine("live region: " + string.Join(" || ", announced.Select(FaqData.Collapse).Distinct()));
        Assert.Contains(announced, a => FaqData.Collapse(a).Contains(firstWords, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyboardAloneCanAskAndUseSuggestedActions()
    {
        await using var chat = await ChatPage.OpenAsync(chromium, server, output, "keyboard");
        await chat.OpenAndWaitForWelcomeAsync();
        var keyboard = chat.Page.Keyboard;

        // From the top of the page, Tab until the send box has focus.
        var tabs = await PressUntilAsync(chat, "Tab", "[data-id='webchat-sendbox-input']", 40);
        output.WriteLine($"send box reached with {tabs} Tab presses");

        var entry = FaqData.Entry("faq/infusion_duration");
        var before = (await chat.BotMessagesAsync()).Count;
        await keyboard.TypeAsync(entry.FirstExample);
        await keyboard.PressAsync("Enter");
        await chat.WaitForBotMessageAsync(before, text => text.Contains(entry.AnswerAsRendered, StringComparison.Ordinal), "the answer typed with the keyboard", TimeSpan.FromSeconds(15));
        Assert.True(await chat.Page.EvaluateAsync<bool>("() => document.activeElement?.matches(\"[data-id='webchat-sendbox-input']\") ?? false"),
            "After Enter the focus left the send box.");

        // The suggested actions sit just before the send box: Shift+Tab reaches them (past the carousel's "Next"
        // flipper when the buttons overflow), Enter uses one.
        var back = await PressUntilAsync(chat, "Shift+Tab", "[role='toolbar'][aria-label='Suggested actions'] button.webchat__suggested-action", 10);
        var focused = FaqData.Collapse(await chat.Page.EvaluateAsync<string>("() => document.activeElement.innerText"));
        var followUp = FaqData.ByTitle(focused) ?? throw new InvalidOperationException($"The focused suggested action \"{focused}\" is not an FAQ entry");
        output.WriteLine($"suggested action \"{focused}\" reached with {back} Shift+Tab presses");
        await chat.ScreenshotAsync("focused-suggested-action");

        before = (await chat.BotMessagesAsync()).Count;
        await keyboard.PressAsync("Enter");
        await chat.WaitForBotMessageAsync(before, text => text.Contains(followUp.AnswerAsRendered, StringComparison.Ordinal), $"the answer of {followUp.Id} chosen with Enter", TimeSpan.FromSeconds(15));
        await chat.ScreenshotAsync("answered-by-keyboard");
    }

    /// <summary>
    /// Presses <paramref name="key"/> until <paramref name="selector"/> has focus; every page element focused on the way
    /// (outside Web Chat, which draws its own) must show a focus indicator.
    /// </summary>
    private static async Task<int> PressUntilAsync(ChatPage chat, string key, string selector, int limit)
    {
        for (var presses = 1; presses <= limit; presses++)
        {
            await chat.Page.Keyboard.PressAsync(key);
            var indicator = await chat.Page.EvaluateAsync<string>("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body || e.closest('#chat')) return 'n/a';
                  const s = getComputedStyle(e);
                  return s.boxShadow !== 'none' || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ? 'visible' : e.outerHTML.slice(0, 120);
                }
                """);
            Assert.True(indicator is "n/a" or "visible", "No visible focus indicator on " + indicator);
            if (await chat.Page.EvaluateAsync<bool>("selector => document.activeElement?.matches(selector) ?? false", selector))
            {
                return presses;
            }
        }

        var active = await chat.Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'none'");
        throw new InvalidOperationException($"{limit} × {key} never focused {selector}; focus is on {active}");
    }

    private async Task<List<string>> ScanAsync(ChatPage chat, string when)
    {
        var result = await chat.Page.RunAxe();
        output.WriteLine($"axe-core {result.TestEngine?.Version} {when}: {result.Violations.Length} violations, {result.Passes.Length} rules passed, {result.Incomplete.Length} incomplete");
        var blocking = new List<string>();
        foreach (var violation in result.Violations)
        {
            var nodes = string.Join("; ", violation.Nodes.Take(5).Select(n => n.Target?.ToString()));
            var line = $"  [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes: {nodes}) {violation.HelpUrl}";
            output.WriteLine(line);
            if (Blocking.Contains(violation.Impact))
            {
                blocking.Add($"{when}: {line.Trim()}");
            }
        }

        foreach (var incomplete in result.Incomplete)
        {
            var nodes = string.Join("; ", incomplete.Nodes.Take(3).Select(n => $"{n.Target} {n.Html}"));
            output.WriteLine($"  needs review [{incomplete.Impact}] {incomplete.Id}: {incomplete.Help} ({incomplete.Nodes.Length} nodes: {nodes})");
        }

        return blocking;
    }
}
