using Chatbot.BotFramework.Schema;
using Chatbot.Staff.Teams;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Teams;

/// <summary>Where Teams can show buttons: suggested actions only in personal chats (imBack only); cards elsewhere.</summary>
public sealed class TeamsReplyShapingTests
{
    private static Activity Incoming(string conversationType) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = Channels.Msteams,
        Conversation = new ConversationAccount { Id = "c", ConversationType = conversationType },
    };

    private static Activity Reply(params CardAction[] actions) => new()
    {
        Type = ActivityTypes.Message,
        Text = "Answer",
        SuggestedActions = new SuggestedActions { Actions = actions },
    };

    [Fact]
    public void PersonalChatsKeepImBackSuggestedActions()
    {
        var reply = Reply(CardAction.ImBack("Book a consultation"));
        Assert.Same(reply, Assert.Single(TeamsReplyShaping.Shape(reply, Incoming("personal"))));
        Assert.Single(reply.SuggestedActions!.Actions);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public void ChannelsAndGroupChatsGetTheTextThenACardOfButtons(string conversationType)
    {
        var shaped = TeamsReplyShaping.Shape(Reply(CardAction.ImBack("Book a consultation"), CardAction.ImBack("Talk to a person")), Incoming(conversationType));
        Assert.Equal(2, shaped.Count);
        Assert.Equal("Answer", shaped[0].Text);
        Assert.Null(shaped[0].SuggestedActions);
        var card = (JObject)shaped[1].Attachments![0].Content!;
        Assert.Equal(
            ["Book a consultation", "Talk to a person"],
            card["actions"]!.Select(a => (string?)a["data"]!["msteams"]!["value"]));
        Assert.All(card["actions"]!, a => Assert.Equal("Action.Submit", (string?)a["type"]));
    }

    [Fact]
    public void ALinkButtonBecomesACardEvenInAPersonalChat()
    {
        var link = new CardAction { Type = ActionTypes.OpenUrl, Title = "Open online booking", Value = "https://booking.example/" };
        var shaped = TeamsReplyShaping.Shape(Reply(link, CardAction.ImBack("Talk to a person")), Incoming("personal"));
        var actions = ((JObject)shaped[1].Attachments![0].Content!)["actions"]!;
        Assert.Equal("Action.OpenUrl", (string?)actions[0]!["type"]);
        Assert.Equal("https://booking.example/", (string?)actions[0]!["url"]);
    }

    [Fact]
    public void AReplyWithoutTextCarriesTheCardItself()
    {
        var reply = Reply(CardAction.ImBack("Talk to a person"));
        reply.Text = null;
        var shaped = Assert.Single(TeamsReplyShaping.Shape(reply, Incoming("channel")));
        Assert.Single(shaped.Attachments!);
    }
}
