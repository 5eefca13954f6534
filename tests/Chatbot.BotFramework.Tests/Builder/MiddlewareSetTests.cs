using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Tests.Builder;

public sealed class MiddlewareSetTests
{
    [Fact]
    public async Task MiddlewareRunsInOrderAroundTheBotAndCanShortCircuit()
    {
        var log = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new Step("a", log, callNext: true)).Use(new Step("b", log, callNext: true));
        var turn = adapter.CreateTurn(new Activity { Type = ActivityTypes.Message });

        await adapter.RunAsync(turn, new LambdaBot(() => log.Add("bot")));

        Assert.Equal(["a>", "b>", "bot", "<b", "<a"], log);

        log.Clear();
        var blocking = new TestAdapter();
        blocking.Use(new Step("x", log, callNext: false));
        await blocking.RunAsync(blocking.CreateTurn(new Activity { Type = ActivityTypes.Message }), new LambdaBot(() => log.Add("bot")));
        Assert.Equal(["x>", "<x"], log);
    }

    [Fact]
    public async Task OnTurnErrorReceivesExceptionsFromTheBot()
    {
        Exception? seen = null;
        var adapter = new TestAdapter
        {
            OnTurnError = (_, exception, _) =>
            {
                seen = exception;
                return Task.CompletedTask;
            },
        };

        await adapter.RunAsync(adapter.CreateTurn(new Activity { Type = ActivityTypes.Message }), new LambdaBot(() => throw new InvalidOperationException("boom")));

        Assert.Equal("boom", seen?.Message);
    }

    private sealed class Step(string name, List<string> log, bool callNext) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            log.Add(name + ">");
            if (callNext)
            {
                await next(cancellationToken);
            }

            log.Add("<" + name);
        }
    }

    private sealed class LambdaBot(Action action) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            action();
            return Task.CompletedTask;
        }
    }
}
