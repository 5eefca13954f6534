using System.Text.RegularExpressions;
using Chatbot.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Chatbot.EndToEndTests.Browser;

/// <summary>A patient books a consultation through the Adaptive Card form in the real Web Chat.</summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class BookingCardTests(ChatbotServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task APatientBooksThroughTheCardAndGetsAReference()
    {
        await using var chat = await ChatPage.OpenAsync(chromium, server, output, "booking-card");
        await chat.OpenAndWaitForWelcomeAsync();

        // The welcome's own "Book a consultation" button starts the booking: the form arrives as a card.
        await chat.ClickSuggestedActionAsync("Book a consultation", text => text.Contains("request an appointment", StringComparison.Ordinal), "the booking form");
        var card = chat.Page.Locator(".ac-adaptiveCard").Last;
        await card.WaitForAsync();
        await chat.ScreenshotAsync("form");

        await card.GetByLabel("Your name").FillAsync("Jordan Lee");
        await card.GetByLabel("Phone number").FillAsync("(312) 555-0123");
        await card.GetByLabel("When would you like to come in?").FillAsync("mornings next week");
        var before = (await chat.BotMessagesAsync()).Count;
        await card.GetByRole(AriaRole.Button, new() { Name = "Review my request" }).ClickAsync();

        var summary = await chat.WaitForBotMessageAsync(before, text => text.Contains("Shall I send", StringComparison.Ordinal), "the booking summary", TimeSpan.FromSeconds(15));
        Assert.Contains("Jordan Lee", summary, StringComparison.Ordinal);
        Assert.Contains("(312) 555-0123", summary, StringComparison.Ordinal);
        Assert.Contains("New-patient consultation", summary, StringComparison.Ordinal);
        await chat.ScreenshotAsync("summary");

        var (done, _) = await chat.ClickSuggestedActionAsync("Yes, send it", text => text.Contains("reference number", StringComparison.Ordinal), "the booking reference");
        Assert.Matches(Reference(), done);
        await chat.ScreenshotAsync("reference");
        Assert.True(chat.ConsoleProblems.Count == 0, "Console errors:\n" + string.Join('\n', chat.ConsoleProblems));
    }

    [GeneratedRegex(@"PSI-[A-Z2-9]{6}")]
    private static partial Regex Reference();
}
