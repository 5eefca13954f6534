using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;

namespace Chatbot.BotFramework.Tests.Builder;

public sealed class ActivityHandlerTests
{
    private static async Task<(RecordingHandler Handler, TurnContext Turn)> RunAsync(Activity activity)
    {
        var adapter = new TestAdapter();
        var handler = new RecordingHandler();
        var turn = adapter.CreateTurn(activity);
        await adapter.RunAsync(turn, handler);
        return (handler, turn);
    }

    private static Activity Make(string type, Action<Activity>? configure = null)
    {
        var activity = new Activity
        {
            Type = type,
            Id = "1",
            ChannelId = Channels.Msteams,
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = "c" },
        };
        configure?.Invoke(activity);
        return activity;
    }

    [Fact]
    public async Task MembersAddedIsCalledWithTheMembersOtherThanTheBot()
    {
        var (handler, _) = await RunAsync(Make(ActivityTypes.ConversationUpdate, a =>
            a.MembersAdded = [new ChannelAccount { Id = "bot" }, new ChannelAccount { Id = "user" }, new ChannelAccount { Id = "user2" }]));

        Assert.Equal(["MembersAdded:user,user2"], handler.Calls);
    }

    [Fact]
    public async Task MembersAddedIsNotCalledWhenOnlyTheBotJoined()
    {
        var (handler, _) = await RunAsync(Make(ActivityTypes.ConversationUpdate, a => a.MembersAdded = [new ChannelAccount { Id = "bot" }]));

        Assert.Empty(handler.Calls);
    }

    [Theory]
    [InlineData("add", "InstallAdd")]
    [InlineData("add-upgrade", "InstallAdd")]
    [InlineData("remove", "InstallRemove")]
    [InlineData("remove-upgrade", "InstallRemove")]
    [InlineData("something-else", null)]
    public async Task InstallationUpdateDispatchesOnAction(string action, string? expected)
    {
        var (handler, _) = await RunAsync(Make(ActivityTypes.InstallationUpdate, a => a.Action = action));

        Assert.Equal(expected is null ? [] : [expected], handler.Calls);
    }

    [Theory]
    [InlineData(ActivityTypes.Message, "Message")]
    [InlineData(ActivityTypes.Event, "Event:webchat/join")]
    [InlineData(ActivityTypes.Typing, "Typing")]
    [InlineData(ActivityTypes.EndOfConversation, "EndOfConversation")]
    [InlineData("someFutureType", "Unrecognized")]
    [InlineData("Message", "Unrecognized")]
    public async Task DispatchesOnTheActivityTypeOrdinally(string type, string expected)
    {
        var (handler, _) = await RunAsync(Make(type, a => a.Name = "webchat/join"));

        Assert.Equal([expected], handler.Calls);
    }

    [Fact]
    public async Task UnhandledInvokeLeavesNoInvokeResponse()
    {
        var (_, turn) = await RunAsync(Make(ActivityTypes.Invoke, a => a.Name = "task/fetch"));

        Assert.Null(turn.InvokeResponse);
    }

    [Fact]
    public async Task AdaptiveCardExecuteIsAnsweredWithTheHandlersResponse()
    {
        var value = JObject.Parse("""{"action":{"type":"Action.Execute","id":"a1","verb":"book","data":{"x":1}},"trigger":"manual"}""");

        var (handler, turn) = await RunAsync(Make(ActivityTypes.Invoke, a => { a.Name = InvokeNames.AdaptiveCardAction; a.Value = value; }));

        Assert.Equal(["AdaptiveCard:book"], handler.Calls);
        Assert.Equal(200, turn.InvokeResponse!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(turn.InvokeResponse.Body);
        Assert.Equal(AdaptiveCardInvokeResponseTypes.Message, body.Type);
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Submit"}}""", "NotSupported")]
    [InlineData("""{"trigger":"manual"}""", "BadRequest")]
    [InlineData(null, "BadRequest")]
    [InlineData("""{"action":"not an object"}""", "BadRequest")]
    public async Task MalformedAdaptiveCardInvokeIsAnswered400WithAnErrorBody(string? value, string code)
    {
        var (handler, turn) = await RunAsync(Make(ActivityTypes.Invoke, a =>
        {
            a.Name = InvokeNames.AdaptiveCardAction;
            a.Value = value is null ? null : JToken.Parse(value);
        }));

        Assert.Empty(handler.Calls);
        Assert.Equal(400, turn.InvokeResponse!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(turn.InvokeResponse.Body);
        Assert.Equal((400, AdaptiveCardInvokeResponseTypes.Error, code), (body.StatusCode, body.Type, (string?)body.Value!["code"]));
    }

    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("Message");

        protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("MembersAdded:" + string.Join(',', membersAdded.Select(m => m.Id)));

        protected override Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("Event:" + turnContext.Activity.Name);

        protected override Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("Typing");

        protected override Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("EndOfConversation");

        protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("InstallAdd");

        protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("InstallRemove");

        protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("Unrecognized");

        protected override async Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(
            ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
        {
            await Record("AdaptiveCard:" + invokeValue.Action!.Verb);
            return AdaptiveCardInvokeResponse.Message("ok");
        }

        private Task Record(string call)
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }
}
