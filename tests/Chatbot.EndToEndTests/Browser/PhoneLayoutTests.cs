using Chatbot.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Chatbot.EndToEndTests.Browser;

/// <summary>
/// Issue 15: the chat page phone first, checked at a laptop (1280×800) and a phone (390×844): the chat owns the
/// screen, the emergency bar never scrolls away, suggestions wrap and are not covered, the booking card is easy to
/// use and cannot be sent twice, the crisis reply's numbers are tap-to-call, and axe finds nothing at all.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PhoneLayoutTests(ChatbotServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task TheChatOwnsTheViewportAndThePageNeverScrolls(string size)
    {
        var (opened, viewport, welcome) = await OpenAsync(size, "layout");
        await using var chat = opened;
        Timings.Record(output, $"page open → welcome ({viewport})", welcome);

        var widget = await Box(chat.Page, "#chat");
        var share = widget.Height / viewport.Height;
        output.WriteLine($"{viewport}: chat {widget.Height:0} px of {viewport.Height} ({share:P0})");
        Assert.True(share >= 0.7, $"The chat gets {share:P0} of the {viewport} viewport; it should get at least 70 %.");
        Assert.True(widget.Y + widget.Height <= viewport.Height + 1, "The chat runs below the bottom of the screen.");
        Assert.True(await chat.Page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight + 1"), "The page itself scrolls.");

        // The notice stays, compact: the automated / not-medical-advice sentence is on screen.
        var notice = chat.Page.Locator(".notice");
        Assert.True(await notice.IsVisibleAsync());
        Assert.Contains("not medical advice", await notice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True((await Box(chat.Page, ".notice")).Height <= 72, "The notice takes more than 72 px.");
        await chat.ScreenshotAsync("welcome");

        // The on-screen keyboard takes about half a phone's height: the send box and the emergency bar stay visible.
        await chat.Page.SetViewportSizeAsync(viewport.Width, viewport.Height / 2);
        await chat.SendBox.FocusAsync();
        await Task.Delay(300);
        var sendBox = await Box(chat.Page, "[data-id='webchat-sendbox-input']");
        Assert.True(sendBox.Y + sendBox.Height <= viewport.Height / 2 + 1, $"With half the height left the send box ends at {sendBox.Y + sendBox.Height:0} px.");
        Assert.True(await IsOnTopAsync(chat.Page, ".emergency-bar a[href='tel:911']"), "With half the height left the emergency bar is not visible.");
        await chat.ScreenshotAsync("keyboard-open");
    }

    [Fact]
    public async Task TheEmergencyBarStaysOnScreenAfterTwentyMessagesOnAPhone()
    {
        await using var chat = await ChatPage.OpenAsync(chromium, server.BaseUrl, output, "emergency-bar", Viewport.Phone);
        await chat.OpenAndWaitForWelcomeAsync();
        var questions = new[] { "faq/infusion_duration", "faq/who_prescribes", "faq/what_is_ketamine", "faq/duration_factors" }.Select(FaqData.Entry).ToList();
        var roundTrips = new List<TimeSpan>();
        for (var i = 0; i < 20; i++)
        {
            var entry = questions[i % questions.Count];
            var (_, roundTrip) = await chat.AskAsync(entry.FirstExample, text => text.Contains(entry.AnswerAsRendered, StringComparison.Ordinal), $"the answer of {entry.Id} (message {i + 1})");
            roundTrips.Add(roundTrip);
        }

        Timings.Record(output, "send → answer, 20 messages on the phone (median)", roundTrips.Order().ElementAt(roundTrips.Count / 2));
        foreach (var (href, name) in new[] { ("tel:911", "911"), ("tel:988", "call 988"), ("sms:988", "text 988") })
        {
            var link = chat.Page.Locator($".emergency-bar a[href='{href}']");
            Assert.Equal(name, await link.InnerTextAsync());
            Assert.True(await IsOnTopAsync(chat.Page, $".emergency-bar a[href='{href}']"), $"The {href} link is not visible and on top after 20 messages.");
            var box = await Box(chat.Page, $".emergency-bar a[href='{href}']");
            Assert.True(box.Height >= 44 && box.Width >= 44, $"The {href} link is {box.Width:0}×{box.Height:0} px; tap targets need 44×44.");
        }

        Assert.True((await Box(chat.Page, ".emergency-bar")).Height <= 48, "The emergency bar takes more than one line on the phone.");
        await chat.ScreenshotAsync("after-20-messages");
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task SuggestedActionsWrapAndNothingCoversThem(string size)
    {
        var (opened, viewport, _) = await OpenAsync(size, "suggestions");
        await using var chat = opened;
        var buttons = chat.SuggestedActions.Locator("button.webchat__suggested-action");
        await buttons.First.WaitForAsync();

        Assert.Equal(0, await chat.Page.Locator("#chat .webchat__suggested-actions__carousel, #chat .react-film__flipper").CountAsync());
        var tops = new HashSet<int>();
        var count = await buttons.CountAsync();
        Assert.True(count >= 3, $"Only {count} suggested actions after the welcome.");
        for (var i = 0; i < count; i++)
        {
            var selector = $"#chat [role='toolbar'][aria-label='Suggested actions'] button.webchat__suggested-action >> nth={i}";
            var box = await buttons.Nth(i).BoundingBoxAsync() ?? throw new InvalidOperationException("A suggested action has no box.");
            tops.Add((int)box.Y);
            Assert.True(box.X >= 0 && box.X + box.Width <= viewport.Width, $"Suggested action {i + 1} runs off the {viewport} screen ({box.X:0}–{box.X + box.Width:0}).");
            Assert.True(box.Height >= 44, $"Suggested action {i + 1} is {box.Height:0} px tall.");
            var text = await buttons.Nth(i).Locator(".webchat__suggested-action__button-text, .webchat__suggested-actions__button-text").First.EvaluateAsync<bool>(
                "e => e.scrollWidth <= e.clientWidth + 1");
            Assert.True(text, $"The text of suggested action {i + 1} is cut off.");
            Assert.True(await buttons.Nth(i).EvaluateAsync<bool>(
                "b => { const r = b.getBoundingClientRect(); const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return hit !== null && b.contains(hit); }"),
                $"Something covers suggested action {i + 1} ({selector}).");
        }

        if (viewport.IsPhone)
        {
            Assert.True(tops.Count > 1, "On the phone the suggested actions should wrap onto more than one line.");
        }

        await chat.ScreenshotAsync("suggested-actions");
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task TheBookingCardIsEasyToUseAndCannotBeSentTwice(string size)
    {
        var (opened, viewport, _) = await OpenAsync(size, "card");
        await using var chat = opened;
        await chat.ClickSuggestedActionAsync("Book a consultation", text => text.Contains("request an appointment", StringComparison.Ordinal), "the booking form");
        var card = chat.Page.Locator(".ac-adaptiveCard").Last;
        await card.WaitForAsync();
        await card.GetByLabel("Your name").ScrollIntoViewIfNeededAsync();

        var inputs = card.Locator(".ac-input");
        for (var i = 0; i < await inputs.CountAsync(); i++)
        {
            var measured = await inputs.Nth(i).EvaluateAsync<double[]>("e => [parseFloat(getComputedStyle(e).fontSize), e.getBoundingClientRect().height]");
            var (fontSize, height) = (measured[0], measured[1]);
            Assert.True(fontSize >= 16, $"Card input {i + 1} has a {fontSize} px font (iOS zooms in below 16 px).");
            Assert.True(height >= 44, $"Card input {i + 1} is {height:0} px tall.");
        }

        var buttons = card.Locator("button.ac-pushButton");
        for (var i = 0; i < await buttons.CountAsync(); i++)
        {
            var box = await buttons.Nth(i).BoundingBoxAsync();
            Assert.True(box!.Height >= 44, $"Card button {i + 1} is {box.Height:0} px tall.");
        }

        // The focused input shows a visible outline.
        await card.GetByLabel("Your name").FocusAsync();
        var outline = await card.GetByLabel("Your name").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
        Assert.DoesNotContain("none", outline, StringComparison.Ordinal);
        var violations = await AxeScan.ViolationsAsync(chat.Page, output, $"booking card open ({viewport})");
        await chat.ScreenshotAsync("card");

        await card.GetByLabel("Your name").FillAsync("Jordan Lee");
        await card.GetByLabel("Phone number").FillAsync("(312) 555-0123");
        await card.GetByLabel("When would you like to come in?").FillAsync("mornings next week");
        var before = (await chat.BotMessagesAsync()).Count;
        await card.GetByRole(AriaRole.Button, new() { Name = "Review my request" }).ClickAsync();
        await chat.WaitForBotMessageAsync(before, text => text.Contains("Shall I send", StringComparison.Ordinal), "the booking summary", TimeSpan.FromSeconds(15));

        // The sent card: buttons aria-disabled, inputs disabled, and pressing again sends nothing.
        var review = card.GetByRole(AriaRole.Button, new() { Name = "Review my request" });
        Assert.Equal("true", await review.GetAttributeAsync("aria-disabled"));
        Assert.True(await card.GetByLabel("Your name").IsDisabledAsync());
        var posts = 0;
        chat.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/activities", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref posts);
            }
        };
        await review.ClickAsync(new() { Force = true });
        await Task.Delay(1500);
        Assert.Equal(0, posts);
        await chat.ScreenshotAsync("card-sent");
        Assert.True(violations.Count == 0, "axe-core violations:\n" + string.Join('\n', violations));
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task AxeFindsNoViolationsAndTheCrisisNumbersAreTapToCall(string size)
    {
        var (opened, viewport, _) = await OpenAsync(size, "axe-all");
        await using var chat = opened;
        var violations = await AxeScan.ViolationsAsync(chat.Page, output, $"after the welcome ({viewport})");

        var (crisis, latency) = await chat.AskAsync("I want to kill myself", text => text.Contains("988", StringComparison.Ordinal), "the crisis reply");
        Timings.Record(output, $"send → crisis reply ({viewport})", latency);
        var reply = chat.Page.Locator("#chat .webchat__bubble:not(.webchat__bubble--from-user)").Filter(new() { HasText = "Suicide & Crisis Lifeline" }).Last;
        Assert.True(await reply.Locator("a[href='tel:988']").CountAsync() > 0, "988 is not a tap-to-call link in the crisis reply: " + crisis);
        Assert.True(await reply.Locator("a[href='tel:911']").CountAsync() > 0, "911 is not a tap-to-call link in the crisis reply: " + crisis);
        await Task.Delay(1000); // the hand-off notice that follows the crisis reply
        violations.AddRange(await AxeScan.ViolationsAsync(chat.Page, output, $"after the crisis reply ({viewport})"));
        await chat.ScreenshotAsync("crisis");

        Assert.True(violations.Count == 0, "axe-core violations:\n" + string.Join('\n', violations));
    }

    /// <summary>The chat page at the named size, after the welcome arrived.</summary>
    private async Task<(ChatPage Chat, Viewport Viewport, TimeSpan Welcome)> OpenAsync(string size, string name)
    {
        var viewport = Viewport.ByName(size);
        var chat = await ChatPage.OpenAsync(chromium, server.BaseUrl, output, name, viewport);
        var (_, welcome) = await chat.OpenAndWaitForWelcomeAsync();
        return (chat, viewport, welcome);
    }

    private static async Task<LocatorBoundingBoxResult> Box(IPage page, string selector) =>
        await page.Locator(selector).First.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not rendered.");

    private static Task<bool> IsOnTopAsync(IPage page, string selector) => page.Locator(selector).First.EvaluateAsync<bool>(
        """
        e => {
          const r = e.getBoundingClientRect();
          if (r.bottom <= 0 || r.top >= window.innerHeight || r.right <= 0 || r.left >= window.innerWidth) return false;
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return hit !== null && (hit === e || e.contains(hit));
        }
        """);
}
