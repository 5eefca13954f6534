using Chatbot.BotFramework.Schema;
using Chatbot.Conversation;
using Chatbot.Faq.Classification;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Moq;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Conversation;

/// <summary>
/// Transcript tests of the answer policy and the safety gate through /api/messages, with a scripted classifier so
/// every branch is deterministic. The real entries (faq-data) provide the approved texts.
/// </summary>
public sealed class ConversationTests(ScriptedClassifierFactory factory) : IClassFixture<ScriptedClassifierFactory>
{
    private BotClient NewClient(string channel = "webchat") => new(factory.CreateClient(), channel);

    [Fact]
    public async Task WelcomeSaysWhoItIsThatItIsNotMedicalAdviceAndWhatItCanDo()
    {
        var replies = await NewClient().JoinAsync();
        var welcome = Assert.Single(replies);
        Assert.Contains("automated assistant", welcome.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not medical advice", welcome.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("911", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("988", welcome.Text, StringComparison.Ordinal);
        Assert.Contains(welcome.SuggestedActions!.Actions, a => a.Title == BotReplies.BookTitle || a.Title!.Contains("ook", StringComparison.Ordinal));
        Assert.True(welcome.SuggestedActions.Actions.Count >= 3);
    }

    [Fact]
    public async Task TheWelcomeIsSentOncePerConversation()
    {
        var client = NewClient();
        Assert.Single(await client.JoinAsync());
        Assert.Empty(await client.JoinAsync());
    }

    [Fact]
    public async Task AConfidentPredictionGetsTheApprovedAnswerAndItsFollowUps()
    {
        factory.Predict(("faq/infusion_duration", 0.93f), ("faq/treatment_protocol", 0.03f));
        var reply = Assert.Single(await NewClient().SayAsync("how long will i be sitting there for the drip"));
        var entry = factory.Catalog.Find("faq/infusion_duration")!;
        Assert.Equal(entry.Answer, reply.Text);
        var expectedButtons = entry.FollowUps.Select(id => factory.Catalog.Find(id)!).Where(e => e.IsPublic).Select(e => e.Title);
        Assert.Equal(expectedButtons, reply.SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task ACloseCallAsksDidYouMeanWithBothCandidatesAsButtons()
    {
        factory.Predict(("faq/infusion_duration", 0.48f), ("faq/treatment_protocol", 0.41f));
        var reply = Assert.Single(await NewClient().SayAsync("how long is the treatment"));
        Assert.Contains("Did you mean", reply.Text, StringComparison.Ordinal);
        var titles = reply.SuggestedActions!.Actions.Select(a => a.Title).ToList();
        Assert.Contains(factory.Catalog.Find("faq/infusion_duration")!.Title, titles);
        Assert.Contains(factory.Catalog.Find("faq/treatment_protocol")!.Title, titles);
    }

    [Fact]
    public async Task ClickingADidYouMeanButtonAnswersThatEntryWithoutAskingTheModel()
    {
        factory.Classifier.Reset();
        var title = factory.Catalog.Find("faq/treatment_protocol")!.Title;
        var reply = Assert.Single(await NewClient().SayAsync(title));
        Assert.Equal(factory.Catalog.Find("faq/treatment_protocol")!.Answer, reply.Text);
        factory.Classifier.Verify(c => c.Classify(It.IsAny<string>()), Times.Never);
    }

    [Theory]
    [InlineData("out_of_scope", 0.95f)]
    [InlineData("faq/depression", 0.12f)]
    public async Task OutOfScopeOrUnsureGetsAnHonestFallbackWithBookingAndAPerson(string intent, float score)
    {
        factory.Predict((intent, score), ("faq/anxiety", 0.05f));
        var reply = Assert.Single(await NewClient().SayAsync("who won the game last night"));
        Assert.Contains("can't answer", reply.Text, StringComparison.OrdinalIgnoreCase);
        var titles = reply.SuggestedActions!.Actions.Select(a => a.Title).ToList();
        Assert.Contains(BotReplies.BookTitle, titles);
        Assert.Contains(BotReplies.TalkToPersonTitle, titles);
    }

    [Theory]
    [InlineData(0.97f)]
    [InlineData(0.3f)]
    [InlineData(0.1f)]
    public async Task ClinicianQuestionsAreReferredAtAnyConfidenceAndNeverDosed(float score)
    {
        factory.Predict(("clinician/dosing", score), ("faq/infusion_duration", score / 3));
        var reply = Assert.Single(await NewClient().SayAsync("how many mg should I take at home"));
        Assert.Equal(factory.Catalog.Find("clinician/dosing")!.Answer, reply.Text);
        Assert.DoesNotMatch(@"\d+\s*mg", reply.Text);
        Assert.Contains(reply.SuggestedActions!.Actions, a => a.Title == BotReplies.TalkToPersonTitle);
    }

    [Theory]
    [InlineData("I want to kill myself")]
    [InlineData("i dont want to wake up tomorrow")]
    [InlineData("quiero morirme")]
    [InlineData("can ketamine help suicidal depression?")]
    public async Task CrisisLanguageGets988And911BeforeAnythingElse(string text)
    {
        factory.Classifier.Reset();
        var reply = (await NewClient().SayAsync(text))[0];
        Assert.Contains("988", reply.Text, StringComparison.Ordinal);
        Assert.Contains("911", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.SuggestedActions!.Actions, a => a.Title == BotReplies.TalkToPersonTitle);
        factory.Classifier.Verify(c => c.Classify(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task AMedicalEmergencyGets911AndNoBookingOffer()
    {
        var reply = Assert.Single(await NewClient().SayAsync("my husband isn't breathing after his home ketamine"));
        Assert.Contains("911", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.SuggestedActions is null || reply.SuggestedActions.Actions.All(a => a.Title != BotReplies.BookTitle));
    }

    [Fact]
    public async Task TheGateAlsoReadsWhatIsTypedIntoACard()
    {
        var client = NewClient();
        var submit = new JObject { ["type"] = "message", ["value"] = new JObject { ["notes"] = "honestly i want to end my life" }, ["channelData"] = new JObject { ["postBack"] = true } };
        var reply = (await client.SendAsync(submit))[0];
        Assert.Contains("988", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGateFiresInTheMiddleOfAConversationToo()
    {
        factory.Predict(("faq/infusion_duration", 0.93f));
        var client = NewClient();
        await client.JoinAsync();
        await client.SayAsync("how long is an infusion");
        var reply = (await client.SayAsync("sorry, i've been thinking about ending it all"))[0];
        Assert.Contains("988", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookingAndPersonButtonsWork()
    {
        factory.Classifier.Reset();
        var booking = await NewClient("sms").SayAsync(BotReplies.BookTitle);
        Assert.Contains("request an appointment", booking[0].Text, StringComparison.Ordinal);
        var person = await NewClient("sms").SayAsync(BotReplies.TalkToPersonTitle);
        Assert.Contains("staff member", person[^1].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("start over")]
    [InlineData("Restart")]
    public async Task StartOverClearsTheConversationAndShowsTheMenu(string text)
    {
        factory.Classifier.Reset();
        var reply = Assert.Single(await NewClient().SayAsync(text));
        Assert.Contains("automated assistant", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SmallTalkIsAnsweredFromTheDataset()
    {
        factory.Predict(("smalltalk/thanks", 0.95f));
        var reply = Assert.Single(await NewClient().SayAsync("cheers mate, that helped heaps"));
        Assert.Equal(factory.Catalog.Find("smalltalk/thanks")!.Answer, reply.Text);
    }

    [Fact]
    public async Task TeamsMentionsOfTheBotAreRemovedBeforeClassifying()
    {
        // Teams is only trusted with a channel token (docs/security.md), so this runs on an authenticated host.
        await using var teams = new Teams.TeamsTestFactory();
        string? classified = null;
        teams.Classifier.Setup(c => c.Classify(It.IsAny<string>()))
            .Callback<string>(t => classified = t)
            .Returns(new IntentPrediction([new IntentScore("faq/infusion_duration", 0.95f)], false, ScriptedClassifierFactory.Thresholds, "scripted"));
        var message = new JObject
        {
            ["type"] = "message",
            ["text"] = "<at>Clinic Assistant</at> how long do the infusions run &amp; why?",
            ["entities"] = new JArray(new JObject
            {
                ["type"] = "mention",
                ["text"] = "<at>Clinic Assistant</at>",
                ["mentioned"] = new JObject { ["id"] = "bot", ["name"] = "Clinic Assistant" },
            }),
        };
        await new BotClient(teams.CreateClient(), "msteams").SendAsync(message);
        Assert.Equal("how long do the infusions run & why?", classified);
    }

    [Fact]
    public async Task FilesAreDeclinedPolitely()
    {
        var message = new JObject
        {
            ["type"] = "message",
            ["attachments"] = new JArray(new JObject { ["contentType"] = "image/png", ["name"] = "mri.png" }),
        };
        var reply = Assert.Single(await NewClient().SendAsync(message));
        Assert.Contains("can't open files", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyMessageGetsAPromptNotAnError()
    {
        var reply = Assert.Single(await NewClient().SayAsync("   "));
        Assert.Contains("didn't catch a question", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingTurnGetsANeutralApologyAndNoExceptionText()
    {
        factory.Classifier.Setup(c => c.Classify(It.IsAny<string>())).Throws(new InvalidOperationException("secret stack detail"));
        var replies = await NewClient().SayAsync("how long does the infusion take exactly?");
        var reply = Assert.Single(replies);
        Assert.Contains("something went wrong", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PatientTextIsNeverLoggedAtInformationOrAbove()
    {
        const string Marker = "zebra-marker-question about my private history";
        factory.Predict(("out_of_scope", 0.9f));
        await NewClient().SayAsync(Marker);
        await NewClient().SayAsync("I want to kill myself zebra-marker");
        Assert.DoesNotContain(factory.Logs, l => l.Level >= LogLevel.Information && l.Message.Contains("zebra-marker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnansweredQuestionsAreStoredRedacted()
    {
        factory.Predict(("out_of_scope", 0.9f));
        await NewClient().SayAsync("my name is Jane Doe, email jane@example.com, phone 312-555-0142, can you fix my car?");
        var store = (Chatbot.Clinic.Unanswered.IUnansweredQuestionStore)factory.Services.GetService(typeof(Chatbot.Clinic.Unanswered.IUnansweredQuestionStore))!;
        var stored = (await store.ListAsync(DateTimeOffset.MinValue, 100, CancellationToken.None)).First(q => q.RedactedText.Contains("car", StringComparison.Ordinal));
        Assert.DoesNotContain("Jane", stored.RedactedText, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.com", stored.RedactedText, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0142", stored.RedactedText, StringComparison.Ordinal);
        Assert.Contains("out_of_scope", stored.TopIntents, StringComparison.Ordinal);
    }
}
