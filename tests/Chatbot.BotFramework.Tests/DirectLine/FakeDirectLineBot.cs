using System.Collections.Concurrent;
using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.Tests.DirectLine;

/// <summary>
/// A bot for the server tests: welcomes on conversationUpdate, echoes messages ("echo: …"), lists upload attachments,
/// throws on "boom", and waits for <see cref="ReleaseSlow"/> on "slow".
/// </summary>
public sealed class FakeDirectLineBot : IDirectLineBot
{
    public const string Welcome = "Welcome! I am an automated assistant.";

    private readonly TaskCompletionSource _slow = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<Activity> Received { get; } = new();

    public void ReleaseSlow() => _slow.TrySetResult();

    public async Task<IReadOnlyList<Activity>> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Received.Enqueue(activity);
        if (activity.IsType(ActivityTypes.ConversationUpdate))
        {
            return [activity.CreateReply(Welcome)];
        }

        if (activity.Attachments is { Count: > 0 } attachments)
        {
            var names = string.Join(", ", attachments.Select(a => $"{a.Name} ({a.ContentType})"));
            return [activity.CreateReply($"I can't open files: {names}")];
        }

        switch (activity.Text)
        {
            case "boom":
                throw new InvalidOperationException("The bot failed.");
            case "slow":
                await _slow.Task.WaitAsync(cancellationToken);
                return [activity.CreateReply("finally")];
            case "two":
                return [new Activity { Type = ActivityTypes.Typing }, activity.CreateReply("one"), activity.CreateReply("two"),
                    new Activity { Type = ActivityTypes.Trace, Name = "hidden" }];
            default:
                return activity.IsType(ActivityTypes.Message) ? [activity.CreateReply("echo: " + activity.Text)] : [];
        }
    }
}
