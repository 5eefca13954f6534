namespace Chatbot.BotFramework.Schema;

/// <summary>The id a channel returns for a sent activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The body of a 200 answer to an <c>expectReplies</c> request.</summary>
public sealed class ExpectedReplies
{
    /// <summary>Every activity the bot produced during the turn, in order.</summary>
    public IList<Activity> Activities { get; set; } = [];
}

/// <summary>The synchronous answer to an invoke activity: HTTP status and JSON body.</summary>
public sealed record InvokeResponse(int Status, object? Body = null);
