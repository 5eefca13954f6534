using System.Diagnostics;
using Chatbot.EndToEndTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Chatbot.Clinic.Unanswered;

namespace Chatbot.EndToEndTests.Staff;

/// <summary>
/// The staff page in Chromium, against the real bot serving a copy of faq-data: a patient's question the bot cannot
/// answer; sign in; a bad edit refused inline with the validator's message; a good edit saved; the patient's question
/// added to an entry from the unanswered list; a patient's 👎 shown on the entry (axe-checked); publish; and Web Chat on the patients' page answering both.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class StaffPageBrowserTests(ChromiumBrowser chromium, ITestOutputHelper output)
{
    private const string EntryId = "faq/infusion_duration";
    private const string NewAnswer = "Each infusion takes **about an hour** (updated by staff in the browser test).";
    private const string ExampleTarget = "faq/about_clinic";
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(6);

    // Questions the FAQ does not cover; the first the current model does not answer is used (so retraining the model
    // cannot make the test silently test nothing).
    private static readonly string[] UnansweredCandidates =
        ["is there a bike rack for my bicycle", "can my dog come with me to the clinic", "is there wifi in the waiting room", "do you sell gift cards"];

    [Fact]
    public async Task StaffEditAnAnswerPublishAndWebChatAnswersWithIt()
    {
        var repositoryFile = File.ReadAllText(Path.Combine(RepositoryPaths.FaqData, "treatment.json"));
        await using var server = new StaffSiteServer();
        await server.StartAsync(TimeSpan.FromMinutes(4));
        var browser = await chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        // A patient asks something the bot cannot answer yet.
        var unanswered = await FindUnansweredQuestionAsync(server);
        await using (var patient = await ChatPage.OpenAsync(chromium, server.BaseUrl, output, "staff-before"))
        {
            await patient.OpenAndWaitForWelcomeAsync();
            var (reply, _) = await patient.AskAsync(unanswered, _ => true, "any reply");
            output.WriteLine($"before: \"{unanswered}\" → {reply}");

            // And finds an answer unhelpful: 👎 under it.
            var entry = FaqData.Entry(EntryId);
            await patient.AskAsync(entry.FirstExample, text => text.Contains(entry.AnswerAsRendered, StringComparison.Ordinal), $"the answer of {EntryId}");
            var count = (await patient.BotMessagesAsync()).Count;
            await patient.Page.GetByRole(AriaRole.Button, new() { Name = "Not helpful", Exact = true }).Last.ClickAsync();
            await patient.WaitForBotMessageAsync(count, text => text.Contains("Thanks for telling me", StringComparison.Ordinal), "the reply to 👎", TimeSpan.FromSeconds(10));
        }

        var shots = 0;
        async Task Shot(string step)
        {
            var folder = Path.Combine(RepositoryPaths.Artifacts, "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"staff-{++shots:00}-{step}.png"), FullPage = true });
        }

        // Sign in: /staff sends an anonymous visitor to the sign-in form.
        await page.GotoAsync(new Uri(server.BaseUrl, "/staff").ToString());
        Assert.Contains("/staff/signin", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync(StaffSiteServer.UserName);
        await page.GetByLabel("Password").FillAsync(StaffSiteServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "FAQ entries" }).WaitForAsync();
        await Shot("signed-in");
        var violations = await AxeScan.ViolationsAsync(page, output, "the entries list");

        // The patient's 👎 is on the entry, first among the entries patients found unhelpful.
        await page.GotoAsync(new Uri(server.BaseUrl, "/staff?show=disliked").ToString());
        var votes = await page.Locator("table.entries tbody tr").First.InnerTextAsync();
        output.WriteLine("most 👎 first: " + votes.ReplaceLineEndings(" | "));
        Assert.Contains(EntryId, votes, StringComparison.Ordinal);
        Assert.Contains("👎 1", votes, StringComparison.Ordinal);
        violations.AddRange(await AxeScan.ViolationsAsync(page, output, "the entries with 👎"));
        await Shot("feedback");
        await page.GotoAsync(new Uri(server.BaseUrl, "/staff").ToString());

        // Find the entry and open it.
        await page.GetByLabel("Search").FillAsync("how long does an infusion take");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "How long does an infusion take?" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = EntryId }).WaitForAsync();
        violations.AddRange(await AxeScan.ViolationsAsync(page, output, "an entry with its feedback"));

        // A bad edit: too few examples. Refused with the validator's own words; nothing written.
        var before = File.ReadAllText(Path.Combine(server.DataFolder, "treatment.json"));
        await page.GetByLabel("Example questions").FillAsync("how long is an infusion\ninfusion length");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        var refusal = await alert.InnerTextAsync();
        output.WriteLine("refused: " + refusal);
        Assert.Contains("The change was not saved", refusal, StringComparison.Ordinal);
        Assert.Contains($"entry '{EntryId}' has 2 example questions", refusal, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(server.DataFolder, "treatment.json")));
        await Shot("validation-error");

        // A good edit: a new answer, from a freshly loaded form.
        await page.GotoAsync(new Uri(server.BaseUrl, "/staff/entry?id=" + Uri.EscapeDataString(EntryId)).ToString());
        await page.Locator("#answer").FillAsync(NewAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved to faq-data/treatment.json" }).WaitForAsync();
        Assert.Contains("updated by staff in the browser test", File.ReadAllText(Path.Combine(server.DataFolder, "treatment.json")), StringComparison.Ordinal);
        await Shot("saved");

        // The patient's question, from the unanswered list, becomes an example of an entry.
        await page.GetByRole(AriaRole.Link, new() { Name = "Unanswered questions" }).ClickAsync();
        var group = page.Locator("section.cluster").Filter(new() { HasText = unanswered });
        await group.First.WaitForAsync();
        await group.First.GetByLabel("Add the ticked questions as examples to").SelectOptionAsync(ExampleTarget);
        await group.First.GetByRole(AriaRole.Button, new() { Name = "Add as examples" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"to {ExampleTarget}" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("section.cluster").Filter(new() { HasText = unanswered }).CountAsync());
        await Shot("added-example");

        // Publish, and see the result with its figures.
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish", Exact = true }).ClickAsync();
        var clock = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync(new() { Timeout = (float)PublishLimit.TotalMilliseconds });
        var result = page.GetByRole(AriaRole.Status).Or(page.GetByRole(AriaRole.Alert));
        await result.First.WaitForAsync(new() { Timeout = (float)PublishLimit.TotalMilliseconds });
        var published = await result.First.InnerTextAsync();
        output.WriteLine($"publish ({clock.Elapsed.TotalSeconds:0} s): {published}");
        // The bot may already have published the saved file by itself (it watches faq-data/): then there is nothing new.
        Assert.True(published.StartsWith("Published:", StringComparison.Ordinal) || published.StartsWith("Nothing new to publish:", StringComparison.Ordinal), published);
        var history = await page.Locator("table.publish-history tbody tr").First.InnerTextAsync();
        output.WriteLine("latest result: " + history);
        Assert.Matches("published|verified", history);
        Assert.Matches(@"\d+\.\d% → ", history); // before → after (after may be "—" while cross-validation runs)
        Assert.Matches(@"\d+/\d+ → \d+/\d+", history); // staff tests before → after
        await Shot("published");

        // The patients' page: Web Chat answers the entry's question with the new answer.
        await using var chat = await ChatPage.OpenAsync(chromium, server.BaseUrl, output, "staff-webchat");
        await chat.OpenAndWaitForWelcomeAsync();
        var question = FaqData.Entry(EntryId).FirstExample;
        var (answer, roundTrip) = await chat.AskAsync(question, text => text.Contains("about an hour (updated by staff in the browser test)", StringComparison.Ordinal), "the newly published answer");
        output.WriteLine($"\"{question}\" → {answer} ({roundTrip.TotalMilliseconds:0} ms)");
        var target = FaqData.Entry(ExampleTarget);
        var (answered, _) = await chat.AskAsync(unanswered, text => text.Contains(target.AnswerAsRendered, StringComparison.Ordinal), $"the answer of {ExampleTarget}");
        output.WriteLine($"after: \"{unanswered}\" → {answered}");
        await chat.ScreenshotAsync("new-answer");

        Assert.True(consoleErrors.TrueForAll(e => e.Contains("status of 422", StringComparison.Ordinal)), string.Join("\n", consoleErrors)); // the refused save is a 422 page
        Assert.Empty(chat.ConsoleProblems);
        Assert.True(violations.Count == 0, "axe-core violations on the staff page:\n" + string.Join('\n', violations));
        Assert.Equal(repositoryFile, File.ReadAllText(Path.Combine(RepositoryPaths.FaqData, "treatment.json")));
        output.WriteLine("server warnings and errors:\n  " + string.Join("\n  ", server.Problems));
    }

    private static async Task<string> FindUnansweredQuestionAsync(StaffSiteServer server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var client = new ApiMessagesClient(http);
        var store = server.Services.GetRequiredService<IUnansweredQuestionStore>();
        foreach (var candidate in UnansweredCandidates)
        {
            await client.AskAsync(candidate);
            var recorded = await store.ListAsync(DateTimeOffset.UtcNow.AddHours(-1), 100, CancellationToken.None);
            if (recorded.Any(q => q.RedactedText == candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The model answers every candidate question; pick new ones: " + string.Join(" | ", UnansweredCandidates));
    }
}
