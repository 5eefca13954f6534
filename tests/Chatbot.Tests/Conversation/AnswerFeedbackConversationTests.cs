using Chatbot.BotFramework.Schema;
using Chatbot.BotFramework.WebChat;
using Chatbot.Clinic.Feedback;
using Chatbot.Patients;
using Chatbot.Tests.Infrastructure;
using Chatbot.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Conversation;

/// <summary>
/// "Was this helpful? 👍 👎" through /api/messages: which replies ask, what a press stores (entry, model version,
/// channel, time — nothing typed), a changed mind, a 👎 answered once, and presses that must change nothing.
/// </summary>
public sealed class AnswerFeedbackConversationTests(ScriptedClassifierFactory factory) : IClassFixture<ScriptedClassifierFactory>
{
    private IAnswerFeedbackStore Store => factory.Services.GetRequiredService<IAnswerFeedbackStore>();

    [Fact]
    public async Task AnApprovedAnswerAsksAndAThumbsUpIsCountedForItsEntryWithoutAReply()
    {
        var patient = new BotClient(factory.CreateClient());
        factory.Predict(("faq/cost", 0.93f));
        var answer = Assert.Single(await patient.SayAsync("how much does it cost"));
        Assert.Equal(factory.Catalog.Find("faq/cost")!.Answer, answer.Text);

        Assert.Empty(await patient.SendAsync(Press(answer, liked: true)));

        var counted = Assert.Single(await Store.CountAsync(DateTimeOffset.MinValue, default), c => c.Intent == "faq/cost");
        Assert.Equal((1, 0, "scripted"), (counted.Helpful, counted.NotHelpful, counted.ModelVersion));
        Assert.Equal(factory.Clock.GetUtcNow(), counted.LastVotedAt);
    }

    [Fact]
    public async Task AThumbsDownGetsOneWayForwardAndAChangedMindReplacesTheVote()
    {
        var patient = new BotClient(factory.CreateClient());
        factory.Predict(("faq/insurance", 0.93f));
        var answer = Assert.Single(await patient.SayAsync("do you take insurance"));

        var reply = Assert.Single(await patient.SendAsync(Press(answer, liked: false)));
        Assert.Contains("Thanks for telling me", reply.Text, StringComparison.Ordinal);
        Assert.Equal([BotReplies.BookTitle, BotReplies.TalkToPersonTitle], reply.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Empty(await patient.SendAsync(Press(answer, liked: false))); // pressed again (Web Chat re-posts): said once
        Assert.Empty(await patient.SendAsync(Press(answer, liked: true)));

        var counted = Assert.Single(await Store.CountAsync(DateTimeOffset.MinValue, default), c => c.Intent == "faq/insurance");
        Assert.Equal((1, 0), (counted.Helpful, counted.NotHelpful));
    }

    [Fact]
    public async Task SmallTalkFallbacksClarificationsAndCrisisRepliesDoNotAsk()
    {
        var patient = new BotClient(factory.CreateClient());
        factory.Predict(("smalltalk/greeting", 0.95f));
        Assert.Null(FeedbackEntity(Assert.Single(await patient.SayAsync("hello there"))));
        factory.Predict(("out_of_scope", 0.95f));
        Assert.Null(FeedbackEntity(Assert.Single(await patient.SayAsync("who won the game"))));
        factory.Predict(("faq/infusion_duration", 0.48f), ("faq/treatment_protocol", 0.41f));
        Assert.Null(FeedbackEntity(Assert.Single(await patient.SayAsync("how long is the treatment"))));
        Assert.All(await patient.SayAsync("I want to kill myself"), reply => Assert.Null(FeedbackEntity(reply)));
    }

    [Fact]
    public async Task APressForAnAnswerThisConversationWasNotGivenChangesNothing()
    {
        var patient = new BotClient(factory.CreateClient());
        var other = new BotClient(factory.CreateClient());
        factory.Predict(("faq/side_effects", 0.93f));
        var answer = Assert.Single(await patient.SayAsync("what are the side effects"));
        var before = await Store.CountAsync(DateTimeOffset.MinValue, default);

        Assert.Empty(await other.SendAsync(Press(answer, liked: false)));                    // another conversation's answer
        Assert.Empty(await patient.SendAsync(Press("0123456789abcdef", liked: false)));    // made up
        Assert.Empty(await patient.SendAsync(new JObject { ["type"] = "event", ["name"] = WebChatFeedback.EventName, ["entities"] = new JArray(new JObject { ["@type"] = "LikeAction", ["@id"] = 42 }) }));
        Assert.Empty(await patient.SendAsync(new JObject { ["type"] = "event", ["name"] = WebChatFeedback.EventName }));

        Assert.Equal(before, await Store.CountAsync(DateTimeOffset.MinValue, default));
    }

    [Fact]
    public async Task AThumbsDownDuringBookingIsCountedWithoutInterruptingTheForm()
    {
        var patient = new BotClient(factory.CreateClient());
        factory.Predict(("faq/what_is_ketamine", 0.93f));
        var answer = Assert.Single(await patient.SayAsync("what is ketamine"));
        factory.Predict(("booking/appointment", 0.95f));
        Assert.NotEmpty(await patient.SayAsync("i want to book"));

        Assert.Empty(await patient.SendAsync(Press(answer, liked: false)));

        Assert.Contains(await Store.CountAsync(DateTimeOffset.MinValue, default), c => c.Intent == "faq/what_is_ketamine" && c.NotHelpful == 1);
    }

    [Fact]
    public async Task OnlyTheLatestTwentyAnswersCanStillBeRated()
    {
        var patient = new BotClient(factory.CreateClient());
        factory.Predict(("faq/depression", 0.93f));
        var first = Assert.Single(await patient.SayAsync("does it help depression"));
        for (var i = 0; i < 20; i++)
        {
            Assert.NotNull(FeedbackEntity(Assert.Single(await patient.SayAsync($"and for depression {i}"))));
        }

        var before = await Store.CountAsync(DateTimeOffset.MinValue, default);
        Assert.Empty(await patient.SendAsync(Press(first, liked: true)));
        Assert.Equal(before, await Store.CountAsync(DateTimeOffset.MinValue, default));
    }

    /// <summary>The event Web Chat posts when a feedback button of <paramref name="answer"/> is pressed.</summary>
    internal static JObject Press(Activity answer, bool liked)
    {
        var actions = (JArray)(FeedbackEntity(answer) ?? throw new InvalidOperationException($"No feedback buttons on \"{answer.Text}\"")).Properties["potentialAction"];
        var action = actions.OfType<JObject>().Single(a => (string?)a["@type"] == (liked ? "LikeAction" : "DislikeAction"));
        return new JObject { ["type"] = "event", ["name"] = WebChatFeedback.EventName, ["entities"] = new JArray(action.DeepClone()) };
    }

    private static JObject Press(string feedbackId, bool liked) => new()
    {
        ["type"] = "event",
        ["name"] = WebChatFeedback.EventName,
        ["entities"] = new JArray(new JObject { ["@type"] = liked ? "LikeAction" : "DislikeAction", ["@id"] = (liked ? "_:like-" : "_:dislike-") + feedbackId }),
    };

    internal static Entity? FeedbackEntity(Activity reply) =>
        reply.Entities?.SingleOrDefault(e => e.Type == "https://schema.org/Message" && e.Properties.ContainsKey("potentialAction"));
}

/// <summary>A vote the store cannot keep is lost quietly: never an error message in the patient's chat.</summary>
public sealed class AnswerFeedbackStoreFailureTests(AnswerFeedbackStoreFailureTests.BrokenStoreFactory factory)
    : IClassFixture<AnswerFeedbackStoreFailureTests.BrokenStoreFactory>
{
    [Fact]
    public async Task ALostVoteIsNotAnErrorInTheChat()
    {
        var patient = new BotClient(factory.CreateClient());
        factory.Predict(("faq/cost", 0.93f));
        var answer = Assert.Single(await patient.SayAsync("how much is it"));

        Assert.Empty(await patient.SendAsync(AnswerFeedbackConversationTests.Press(answer, liked: false)));
        factory.Predict(("faq/cost", 0.93f));
        Assert.Equal(factory.Catalog.Find("faq/cost")!.Answer, Assert.Single(await patient.SayAsync("and the price again?")).Text);
    }

    public sealed class BrokenStoreFactory : ScriptedClassifierFactory
    {
        protected override void ConfigureMoreServices(IServiceCollection services)
        {
            var store = new Mock<IAnswerFeedbackStore>();
            store.Setup(s => s.RecordAsync(It.IsAny<AnswerFeedback>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk full"));
            services.RemoveAll<IAnswerFeedbackStore>();
            services.AddSingleton(store.Object);
        }
    }
}

/// <summary>Staff in Teams get the same approved answers, without the patients' feedback buttons.</summary>
public sealed class TeamsAnswerFeedbackTests(TeamsTestFactory factory) : IClassFixture<TeamsTestFactory>
{
    [Fact]
    public async Task AnswersInTeamsDoNotAsk()
    {
        factory.Predict(("faq/infusion_duration", 0.95f));
        var reply = Assert.Single(await factory.SendAsync(TeamsFixtures.Personal("how long is an infusion")));
        Assert.Equal(factory.Catalog.Find("faq/infusion_duration")!.Answer, reply.Text);
        Assert.Null(AnswerFeedbackConversationTests.FeedbackEntity(reply));
    }
}
