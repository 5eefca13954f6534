using Chatbot.Clinic.Feedback;
using Chatbot.EndToEndTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chatbot.EndToEndTests.Browser;

/// <summary>
/// "Was this helpful? 👍 👎" under an approved answer in the real Web Chat: named buttons, a 👎 answered with a way
/// forward, a changed mind replacing the vote (never counted twice), the vote stored without any text, and axe clean
/// at both sizes.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AnswerFeedbackTests(ChatbotServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop", "faq/infusion_duration")]
    [InlineData("phone", "faq/who_prescribes")]
    public async Task APatientRatesAnAnswerAndCanChangeTheirMind(string size, string intent)
    {
        var store = server.Factory.Services.GetRequiredService<IAnswerFeedbackStore>();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var viewport = Viewport.ByName(size);
        await using var chat = await ChatPage.OpenAsync(chromium, server.BaseUrl, output, "feedback", viewport);
        await chat.OpenAndWaitForWelcomeAsync();
        var entry = FaqData.Entry(intent);
        await chat.AskAsync(entry.FirstExample, text => text.Contains(entry.AnswerAsRendered, StringComparison.Ordinal), $"the approved answer of {intent}");

        // The answer's status line asks, and its two buttons say what they mean.
        var helpful = chat.Page.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true }).Last;
        var notHelpful = chat.Page.GetByRole(AriaRole.Button, new() { Name = "Not helpful", Exact = true }).Last;
        await notHelpful.WaitForAsync(new() { Timeout = 5000 });
        var question = await notHelpful.EvaluateAsync<string>(
            "b => { const pipe = b.parentElement.querySelector('.webchat__activity-status__slot-pipe'); return pipe ? getComputedStyle(pipe, '::after').content : 'no separator: ' + b.parentElement.outerHTML; }");
        Assert.Equal("\"Was this helpful?\"", question);
        var box = await notHelpful.BoundingBoxAsync() ?? throw new InvalidOperationException("👎 is not rendered");
        Assert.True(box.Height >= 44 && box.Width >= 44, $"👎 is {box.Width}×{box.Height} px; targets are at least 44×44");
        var violations = await AxeScan.ViolationsAsync(chat.Page, output, $"an answer with its feedback buttons ({viewport.Name})");
        await chat.ScreenshotAsync("asked");

        // 👎: pressed, a way forward, and one vote for the entry — no text anywhere in what is stored.
        var before = (await chat.BotMessagesAsync()).Count;
        await notHelpful.ClickAsync();
        await chat.WaitForBotMessageAsync(before, text => text.Contains("Thanks for telling me", StringComparison.Ordinal), "the reply to 👎", TimeSpan.FromSeconds(10));
        Assert.Equal("true", await notHelpful.GetAttributeAsync("aria-pressed"));
        var counted = await WaitForCountAsync(store, since, intent, helpful: 0, notHelpful: 1);
        output.WriteLine($"after 👎: {counted}");
        violations.AddRange(await AxeScan.ViolationsAsync(chat.Page, output, $"after 👎 ({viewport.Name})"));
        await chat.ScreenshotAsync("not-helpful");

        // A changed mind replaces the vote; the bot says nothing more.
        var replies = (await chat.BotMessagesAsync()).Count;
        await helpful.ClickAsync();
        counted = await WaitForCountAsync(store, since, intent, helpful: 1, notHelpful: 0);
        output.WriteLine($"after changing to 👍: {counted}");
        await Task.Delay(1000);
        Assert.Equal(replies, (await chat.BotMessagesAsync()).Count);
        await chat.ScreenshotAsync("helpful");

        Assert.True(violations.Count == 0, "axe-core violations:\n" + string.Join('\n', violations));
        Assert.Empty(chat.ConsoleProblems);
    }

    [Fact]
    public async Task AKeyboardAloneCanRateAnAnswer()
    {
        var store = server.Factory.Services.GetRequiredService<IAnswerFeedbackStore>();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await using var chat = await ChatPage.OpenAsync(chromium, server, output, "feedback-keyboard");
        await chat.OpenAndWaitForWelcomeAsync();
        var entry = FaqData.Entry("faq/what_is_ketamine");
        await chat.SendBox.FocusAsync();
        var before = (await chat.BotMessagesAsync()).Count;
        await chat.Page.Keyboard.TypeAsync(entry.FirstExample);
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.WaitForBotMessageAsync(before, text => text.Contains(entry.AnswerAsRendered, StringComparison.Ordinal), "the answer", TimeSpan.FromSeconds(15));

        // Web Chat's transcript is one tab stop: arrow keys pick a message, Enter goes into it, Escape comes back out.
        await PressUntilFocusedAsync(chat, "Shift+Tab", name => name.StartsWith("Chat history", StringComparison.Ordinal), 6);
        await PressUntilFocusedAsync(chat, "Enter", name => name == "Helpful", 1);
        await PressUntilFocusedAsync(chat, "Tab", name => name == "Not helpful", 1);
        before = (await chat.BotMessagesAsync()).Count;
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.WaitForBotMessageAsync(before, text => text.Contains("Thanks for telling me", StringComparison.Ordinal), "the reply to 👎 pressed with Enter", TimeSpan.FromSeconds(10));
        var counted = await WaitForCountAsync(store, since, entry.Id, helpful: 0, notHelpful: 1);
        output.WriteLine($"after 👎 by keyboard: {counted}");

        // Back out of the message and on to the send box: nothing traps the focus.
        await PressUntilFocusedAsync(chat, "Escape", name => name.StartsWith("Chat history", StringComparison.Ordinal), 1);
        await PressUntilFocusedAsync(chat, "Tab", name => name == "Message input box", 6);
        await chat.ScreenshotAsync("keyboard");
    }

    /// <summary>Presses <paramref name="key"/> until the focused element's accessible name matches, at most <paramref name="limit"/> times.</summary>
    private async Task PressUntilFocusedAsync(ChatPage chat, string key, Func<string, bool> expected, int limit)
    {
        var seen = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            await chat.Page.Keyboard.PressAsync(key);
            var name = await chat.Page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40)) : ''; }");
            seen.Add(name);
            if (expected(name))
            {
                output.WriteLine($"{key} × {i + 1} → \"{name}\"");
                return;
            }
        }

        throw new InvalidOperationException($"{limit} × {key} focused only: {string.Join(" → ", seen)}");
    }

    /// <summary>Waits until the store counts exactly these votes for <paramref name="intent"/> since <paramref name="since"/>.</summary>
    private static async Task<AnswerFeedbackCount> WaitForCountAsync(IAnswerFeedbackStore store, DateTimeOffset since, string intent, int helpful, int notHelpful)
    {
        AnswerFeedbackCount? last = null;
        for (var i = 0; i < 100; i++)
        {
            last = (await store.CountAsync(since, default)).SingleOrDefault(c => c.Intent == intent);
            if (last is not null && last.Helpful == helpful && last.NotHelpful == notHelpful)
            {
                return last;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Expected {helpful} 👍 and {notHelpful} 👎 for {intent}; the store has {last?.ToString() ?? "nothing"}.");
    }
}
