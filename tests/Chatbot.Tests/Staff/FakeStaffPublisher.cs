using Chatbot.Staff.Publishing;

namespace Chatbot.Tests.Staff;

/// <summary>Records publish and rollback requests and answers with <see cref="Next"/>.</summary>
public sealed class FakeStaffPublisher : IStaffPublisher
{
    private readonly List<StaffPublishResult> _history = [];

    public StaffPublishResult Next { get; set; } = new(
        new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), "alice", "staff page", true, "published",
        ["The candidate is not worse than the current version."],
        new StaffPublishMetrics(0.912, 0.874, 52, 55), new StaffPublishMetrics(0.915, 0.879, 53, 55), "abc123");

    public List<string> Calls { get; } = [];

    public Task<StaffPublishResult> PublishAsync(string user, CancellationToken cancellationToken) => Record("publish " + user);

    public Task<StaffPublishResult> RollbackAsync(string user, CancellationToken cancellationToken) => Record("rollback " + user);

    public IReadOnlyList<StaffPublishResult> History(int count) => [.. _history.Take(count)];

    private Task<StaffPublishResult> Record(string call)
    {
        Calls.Add(call);
        _history.Insert(0, Next);
        return Task.FromResult(Next);
    }
}
