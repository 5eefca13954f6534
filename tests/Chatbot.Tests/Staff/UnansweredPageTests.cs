using System.Net;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Chatbot.Clinic.Staff;

namespace Chatbot.Tests.Staff;

/// <summary>
/// The unanswered-questions page end to end: patients' questions go through the real bot (which redacts them before
/// storing), are grouped and counted on the page with the closest entries suggested, and become examples, a new
/// draft, or are dismissed — and no e-mail address, phone number or date survives anywhere on the way.
/// </summary>
public sealed class UnansweredPageTests
{
    private static readonly string[] Personal = ["maria.lopez@example.com", "312-555-0199", "(773) 555 0142", "03/14/1985", "March 14, 1985", "Maria"];

    private static readonly string[] PatientQuestions =
    [
        "Maria here - do you validate parking? maria.lopez@example.com",
        "do you validate parking? call me at 312-555-0199",
        "Do you validate parking",
        "do you validate parking for the garage? born 03/14/1985",
        "can I bring my dog to the infusion (773) 555 0142",
        "can i bring my dog to the infusion",
        "my birthday is March 14, 1985, asdfgh",
    ];

    private static async Task<StaffAppFactory> FactoryWithQuestionsAsync()
    {
        var factory = new StaffAppFactory();
        factory.Classifier.Top = [new("out_of_scope", 0.5f), new("faq/about_clinic", 0.3f), new("faq/cost", 0.1f)];
        foreach (var question in PatientQuestions)
        {
            // One conversation each, as from different patients (two fallbacks in a row start a hand-off).
            await new BotClient(factory.CreateClient()).SayAsync(question);
        }

        return factory;
    }

    [Fact]
    public async Task QuestionsAreGroupedCountedAndSuggestedWithoutPersonalData()
    {
        await using var factory = await FactoryWithQuestionsAsync();
        using var client = await factory.SignedInClientAsync();

        var html = await client.PageAsync("/staff/unanswered");
        var text = StaffClient.Text(html);

        Assert.Contains("asked 4 times", text, StringComparison.Ordinal);
        Assert.Contains("asked 2 times", text, StringComparison.Ordinal);
        Assert.Contains("validate parking", text, StringComparison.Ordinal);
        Assert.Contains("Closest entries", html, StringComparison.Ordinal);
        Assert.Matches("<optgroup label=\"Closest entries\">\\s*<option value=\"faq/about_clinic\">", html);
        foreach (var personal in Personal)
        {
            Assert.DoesNotContain(personal, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AddingAGroupAsExamplesWritesRedactedExamplesAndClearsTheGroup()
    {
        await using var factory = await FactoryWithQuestionsAsync();
        using var client = await factory.SignedInClientAsync();
        var html = await client.PageAsync("/staff/unanswered");
        var parkingTexts = System.Text.RegularExpressions.Regex.Matches(html, "name=\"Texts\" value=\"([^\"]*validate parking[^\"]*)\" checked")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(4, parkingTexts.Count);

        // A crafted post with personal data in it: the page redacts again before anything is written.
        var fields = parkingTexts.Select(t => KeyValuePair.Create("Texts", t))
            .Append(KeyValuePair.Create("Texts", "do you validate parking? write to jo@example.org"))
            .Append(KeyValuePair.Create("EntryId", "faq/about_clinic"));
        using var response = await client.PostAsync("/staff/unanswered?handler=AddExamples", StaffClient.Token(html), fields);
        var after = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Added 5 question(s) to faq/about_clinic", StaffClient.Text(after), StringComparison.Ordinal);
        Assert.DoesNotContain("“Do you validate parking", StaffClient.Text(after), StringComparison.OrdinalIgnoreCase);
        var parking = Assert.Single(new FaqDatasetLoader().Load(factory.Data.Path).Entries, e => e.Id == "faq/about_clinic");
        Assert.Contains("Do you validate parking", parking.Examples);
        Assert.Contains(parking.Examples, e => e.Contains("[email]", StringComparison.Ordinal));
        var file = factory.Data.Read(Path.GetFileName(parking.File));
        foreach (var personal in Personal.Append("jo@example.org"))
        {
            Assert.DoesNotContain(personal, file, StringComparison.OrdinalIgnoreCase);
        }

        var audit = await factory.Services.GetRequiredService<IStaffAuditLog>().ListAsync("faq/about_clinic", 5, CancellationToken.None);
        Assert.Equal(StaffAuditActions.AddExamples, Assert.Single(audit).Action);
    }

    [Fact]
    public async Task ANewDraftStartsFromAGroupAndTheGroupLeavesTheList()
    {
        await using var factory = await FactoryWithQuestionsAsync();
        using var client = await factory.SignedInClientAsync();
        var list = await client.PageAsync("/staff/unanswered");
        var dogTexts = System.Text.RegularExpressions.Regex.Matches(list, "name=\"FromUnanswered\" value=\"([^\"]*dog[^\"]*)\"")
            .Select(m => KeyValuePair.Create("FromUnanswered", WebUtility.HtmlDecode(m.Groups[1].Value))).ToList();

        using var prefill = await client.PostAsync("/staff/new?handler=FromUnanswered", StaffClient.Token(list), dogTexts);
        var form = await prefill.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, prefill.StatusCode);
        Assert.Contains("can i bring my dog to the infusion", StaffClient.TextArea(form, "Form.Examples"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("name=\"Form.Draft\" value=\"true\" checked", form, StringComparison.Ordinal);
        var fields = dogTexts.Concat(new Dictionary<string, string>
        {
            ["Form.Id"] = "faq/bring_a_dog",
            ["Form.TopicFile"] = "practical.json",
            ["Form.Title"] = "Can I bring my dog?",
            ["Form.Audience"] = "patient",
            ["Form.Examples"] = StaffClient.TextArea(form, "Form.Examples"),
            ["Form.Answer"] = "Only service animals, please.",
            ["Form.Source"] = "Clinic policy",
            ["Form.Owner"] = "Front desk",
            ["Form.LastReviewed"] = "2026-11-24",
            ["Form.Draft"] = "true",
        });
        using var created = await client.PostAsync("/staff/new?handler=Create", StaffClient.Token(form), fields);
        var listAfter = StaffClient.Text(await client.PageAsync("/staff/unanswered"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var draft = Assert.Single(new FaqDatasetLoader().Load(factory.Data.Path).Drafts, e => e.Id == "faq/bring_a_dog");
        Assert.Equal(2, draft.Examples.Count);
        Assert.DoesNotContain(draft.Examples, e => e.Contains("555", StringComparison.Ordinal));
        Assert.DoesNotContain("“can i bring my dog", listAfter, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DismissedNoiseLeavesTheListForGood()
    {
        await using var factory = await FactoryWithQuestionsAsync();
        using var client = await factory.SignedInClientAsync();
        var html = await client.PageAsync("/staff/unanswered");
        Assert.Contains("asdfgh", html, StringComparison.Ordinal);
        var noise = System.Text.RegularExpressions.Regex.Match(html, "name=\"Texts\" value=\"([^\"]*asdfgh[^\"]*)\"").Groups[1].Value;

        using var response = await client.PostAsync("/staff/unanswered?handler=Dismiss", StaffClient.Token(html), new() { ["Texts"] = WebUtility.HtmlDecode(noise) });
        await new BotClient(factory.CreateClient()).SayAsync("my birthday is March 14, 1985, asdfgh");
        var after = await client.PageAsync("/staff/unanswered");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("asdfgh", after, StringComparison.Ordinal);
        Assert.Contains("validate parking", after, StringComparison.Ordinal);
    }
}
