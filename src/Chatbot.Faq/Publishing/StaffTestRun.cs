using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Publishing;

/// <summary>The staff test conversations run against one model.</summary>
/// <param name="Tests">The tests, in file order.</param>
/// <param name="Got">For each test, what the model did: the intent it would answer or suggest, or <c>out_of_scope</c>.</param>
/// <param name="Passed">For each test, whether it passed.</param>
public sealed record StaffTestRun(IReadOnlyList<TestConversation> Tests, IReadOnlyList<string> Got, IReadOnlyList<bool> Passed)
{
    /// <summary>No tests (the data folder has no <c>tests/test-conversations.json</c>).</summary>
    public static StaffTestRun Empty { get; } = new([], [], []);

    /// <summary>How many tests passed.</summary>
    public int PassedCount => Passed.Count(p => p);

    /// <summary>The failed tests.</summary>
    public IEnumerable<StaffTestFailure> Failures =>
        Enumerable.Range(0, Tests.Count).Where(i => !Passed[i]).Select(At);

    /// <summary>The failure at <paramref name="index"/> (whether or not it failed).</summary>
    public StaffTestFailure At(int index) => new(Tests[index].Text, Tests[index].Intent, Got[index], Tests[index].Line);
}
