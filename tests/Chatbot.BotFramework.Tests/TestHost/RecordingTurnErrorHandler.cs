using System.Collections.Concurrent;
using Chatbot.BotFramework.Builder;

namespace Chatbot.BotFramework.Tests.TestHost;

/// <summary>Records failures and sends a neutral apology; throws itself when the message is <c>throw twice</c>.</summary>
public sealed class RecordingTurnErrorHandler : ITurnErrorHandler
{
    public ConcurrentQueue<Exception> Errors { get; } = new();

    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        Errors.Enqueue(exception);
        if (turnContext.Activity.Text == "throw twice")
        {
            throw new InvalidOperationException("The error handler failed too.");
        }

        await turnContext.SendActivityAsync("Sorry, something went wrong.", cancellationToken);
    }
}
