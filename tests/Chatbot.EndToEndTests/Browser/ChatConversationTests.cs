using Chatbot.EndToEndTests.Infrastructure;

namespace Chatbot.EndToEndTests.Browser;

/// <summary>
/// A patient's conversation in the real Web Chat on the clinic page, against the real bot and its trained model:
/// welcome, approved FAQ answers, a suggested action, the crisis reply, a "Did you mean" clarification, and never
/// "Send failed".
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ChatConversationTests(ChatbotServer server, ChromiumBrowser chromium, ITestOutputHelper output)
{
    private static readonly TimeSpan WelcomeLimit = TimeSpan.FromSeconds(5);

    // Ambiguous on purpose: each sits between two topics. The real model answers these with a clarification today;
    // the test asks the bot (/api/messages) which of them still does, so retraining the model cannot make the test
    // silently test nothing. Probed against the trained model: "side effects monitoring" → side effects / monitoring;
    // "depression anxiety" → anxiety / depression; "is it safe to drive" → is it safe / driving.
    private static readonly string[] ClarificationCandidates = ["side effects monitoring", "depression anxiety", "is it safe to drive", "infusion"];

    [Fact]
    public async Task PatientConversationInWebChat()
    {
        await using var chat = await ChatPage.OpenAsync(chromium, server, output, "conversation");
        output.WriteLine($"host ready in {server.StartUp.TotalSeconds:0.0} s at {server.BaseUrl}");

        // Welcome: sent by the server when the conversation starts; Web Chat sends nothing by itself.
        var (welcome, latency) = await chat.OpenAndWaitForWelcomeAsync();
        output.WriteLine($"Chromium launch {chromium.Launch.TotalSeconds:0.00} s; page to welcome bubble {latency.TotalSeconds:0.00} s");
        Assert.True(latency < WelcomeLimit, $"The welcome took {latency.TotalSeconds:0.00} s (limit {WelcomeLimit.TotalSeconds} s)");
        Assert.Contains("automated assistant", welcome, StringComparison.Ordinal);
        Assert.Contains("911", welcome, StringComparison.Ordinal);
        await chat.ScreenshotAsync("welcome");

        // Approved answers, word for word as staff wrote them (Markdown rendered), for the first example of each entry.
        foreach (var id in new[] { "faq/infusion_duration", "faq/who_prescribes", "faq/what_is_ketamine" })
        {
            var entry = FaqData.Entry(id);
            var (_, roundTrip) = await chat.AskAsync(entry.FirstExample, text => text.Contains(entry.AnswerAsRendered, StringComparison.Ordinal), $"the approved answer of {id}");
            output.WriteLine($"\"{entry.FirstExample}\" → {id}: {roundTrip.TotalMilliseconds:0} ms");
        }

        await chat.ScreenshotAsync("faq-answers");

        // The answer's follow-ups are suggested actions; clicking one sends its title and gets that entry's answer.
        var ketamine = FaqData.Entry("faq/what_is_ketamine");
        var followUps = await chat.WaitForSuggestedActionsAsync(ketamine.FollowUps.Select(id => FaqData.Entry(id).Title).ToList());
        output.WriteLine("suggested actions after faq/what_is_ketamine: " + string.Join(" | ", followUps));
        var followUp = FaqData.Entry(ketamine.FollowUps.First(id => id.StartsWith("faq/", StringComparison.Ordinal)));
        var (_, clickTrip) = await chat.ClickSuggestedActionAsync(followUp.Title, text => text.Contains(followUp.AnswerAsRendered, StringComparison.Ordinal), $"the approved answer of {followUp.Id}");
        output.WriteLine($"suggested action \"{followUp.Title}\" → {followUp.Id}: {clickTrip.TotalMilliseconds:0} ms");

        // Crisis language pre-empts everything: 988 and 911.
        var (crisis, crisisTrip) = await chat.AskAsync("I want to kill myself", text => text.Contains("988", StringComparison.Ordinal), "the crisis reply (988)");
        Assert.Contains("911", crisis, StringComparison.Ordinal);
        output.WriteLine($"crisis → 988 reply: {crisisTrip.TotalMilliseconds:0} ms");
        await chat.ScreenshotAsync("crisis");

        // "Did you mean": its candidates are buttons with accessible names, and choosing one answers it.
        var (question, expectedTitles) = await FindClarifyingQuestionAsync();
        var (_, clarifyTrip) = await chat.AskAsync(question, text => text.Contains("Did you mean", StringComparison.Ordinal), "a \"Did you mean\" clarification");
        var shown = await chat.WaitForSuggestedActionsAsync(expectedTitles); // the same candidates /api/messages offered
        output.WriteLine($"\"{question}\" → Did you mean: {string.Join(" | ", shown)} ({clarifyTrip.TotalMilliseconds:0} ms)");
        var choice = shown.Select(FaqData.ByTitle).OfType<FaqDataEntry>().First(e => e.Id.StartsWith("faq/", StringComparison.Ordinal));
        await chat.ScreenshotAsync("did-you-mean");
        await chat.ClickSuggestedActionAsync(choice.Title, text => text.Contains(choice.AnswerAsRendered, StringComparison.Ordinal), $"the approved answer of {choice.Id}");

        // Web Chat marks a message "Send failed. Retry." when the server never echoes it back within 20 s.
        var wait = chat.LastSentAt + ChatPage.WebChatSendTimeout + TimeSpan.FromSeconds(1) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await chat.ScreenshotAsync("after-send-timeout");
        output.WriteLine("server warnings and errors so far:\n  " + string.Join("\n  ", server.Factory.Problems));
        Assert.Equal(0, await chat.Page.GetByText("Send failed").CountAsync());
        var userMessages = await chat.UserMessagesAsync();
        Assert.Equal(chat.SentCount, userMessages.Count); // each message once: echoed, not duplicated
        Assert.Empty(chat.ConsoleProblems);
    }

    private async Task<(string Question, IReadOnlyList<string> Titles)> FindClarifyingQuestionAsync()
    {
        var client = new ApiMessagesClient(server.Http);
        var tried = new List<string>();
        foreach (var candidate in ClarificationCandidates)
        {
            var replies = await client.AskAsync(candidate);
            var clarification = replies.FirstOrDefault(r => r.Text.Contains("Did you mean", StringComparison.Ordinal));
            if (clarification is not null)
            {
                return (candidate, clarification.SuggestedActions);
            }

            tried.Add($"\"{candidate}\" → {replies.FirstOrDefault()?.Text}");
        }

        throw new InvalidOperationException("None of the phrasings makes the current model ask \"Did you mean\"; pick new ones:\n" + string.Join('\n', tried));
    }
}
