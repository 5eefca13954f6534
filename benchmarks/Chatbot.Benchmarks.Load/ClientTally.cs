namespace Chatbot.Benchmarks.Load;

/// <summary>How one request ended.</summary>
internal enum Outcome
{
    /// <summary>200 with an expectReplies body holding at least one activity.</summary>
    Ok,

    /// <summary>200 with an expectReplies body and no activity (the bot stays quiet while a hand-off is open).</summary>
    Silent,

    /// <summary>200, but not an expectReplies body.</summary>
    BadReply,

    /// <summary>Not 200, or no answer (connection error, timeout).</summary>
    Failed,
}

/// <summary>One client's measured requests: latencies in Stopwatch ticks, and its failures.</summary>
internal sealed class ClientTally
{
    public List<long> Latencies { get; } = new(capacity: 4096);

    public int Failed { get; private set; }

    public int BadReplies { get; private set; }

    public int Silent { get; private set; }

    public void Record(long ticks, Outcome outcome)
    {
        Latencies.Add(ticks);
        Failed += outcome == Outcome.Failed ? 1 : 0;
        BadReplies += outcome == Outcome.BadReply ? 1 : 0;
        Silent += outcome == Outcome.Silent ? 1 : 0;
    }
}
