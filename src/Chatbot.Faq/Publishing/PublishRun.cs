using System.Diagnostics;

namespace Chatbot.Faq.Publishing;

/// <summary>The bookkeeping of one run: who, when, what was current, and the phase timings.</summary>
internal sealed class PublishRun(PublishAction action, PublishTrigger trigger, string user, DateTimeOffset startedAt, Stopwatch clock)
{
    private double _last;

    public PublishAction Action => action;

    public PublishTrigger Trigger => trigger;

    public string User => user;

    public PublishedState? State { get; set; }

    public string? Candidate { get; set; }

    public PublishDurations Durations { get; set; } = new();

    public double Lap()
    {
        var seconds = clock.Elapsed.TotalSeconds - _last;
        _last = clock.Elapsed.TotalSeconds;
        return Math.Round(seconds, 3);
    }

    public PublishReport Report(
        TimeProvider timeProvider, PublishOutcome outcome, IReadOnlyList<string> reasons,
        string? current = null, PublishMetrics? before = null, PublishMetrics? after = null) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..12],
        Action = action,
        Trigger = trigger,
        User = user,
        StartedAt = startedAt,
        FinishedAt = timeProvider.GetUtcNow(),
        Outcome = outcome,
        CandidateVersion = Candidate,
        PreviousVersion = State?.Current,
        CurrentVersion = current ?? State?.Current,
        Before = before,
        After = after,
        Reasons = reasons,
        Durations = Durations with { Total = Math.Round(clock.Elapsed.TotalSeconds, 3) },
    };
}
