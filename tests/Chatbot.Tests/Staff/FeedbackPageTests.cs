using System.Text.RegularExpressions;
using Chatbot.Clinic.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatbot.Tests.Staff;

/// <summary>
/// Patients' 👍/👎 votes on the staff page: counts per entry on the list (with words for screen readers), the entries
/// with 👎 first on request, the counts per model version on an entry's page, and a store failure that leaves the
/// pages working.
/// </summary>
public sealed class FeedbackPageTests
{
    private static async Task VoteAsync(StaffAppFactory factory, string intent, string model, AnswerVote vote, int count, TimeSpan ago)
    {
        var store = factory.Services.GetRequiredService<IAnswerFeedbackStore>();
        for (var i = 0; i < count; i++)
        {
            await store.RecordAsync(new AnswerFeedback(Guid.NewGuid().ToString("N"), factory.Clock.GetUtcNow() - ago, "webchat", intent, model, vote), default);
        }
    }

    private static async Task<StaffAppFactory> FactoryWithVotesAsync()
    {
        var factory = new StaffAppFactory();
        await VoteAsync(factory, "faq/cost", "model-a", AnswerVote.Helpful, 2, TimeSpan.FromDays(10));
        await VoteAsync(factory, "faq/cost", "model-b", AnswerVote.Helpful, 1, TimeSpan.FromDays(1));
        await VoteAsync(factory, "faq/cost", "model-b", AnswerVote.NotHelpful, 1, TimeSpan.FromHours(2));
        await VoteAsync(factory, "faq/insurance", "model-b", AnswerVote.NotHelpful, 4, TimeSpan.FromDays(3));

        // Older than the 30 days shown: counted nowhere.
        await VoteAsync(factory, "faq/cost", "model-old", AnswerVote.NotHelpful, 9, TimeSpan.FromDays(40));
        return factory;
    }

    /// <summary>The visible and screen-reader text of the entries-table row of <paramref name="id"/>.</summary>
    private static string RowOf(string html, string id)
    {
        var row = Regex.Match(html, "<tr[^>]*>(?:(?!</tr>).)*<code>" + Regex.Escape(id) + "</code>.*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for {id}");
        return StaffClient.Text(row.Value);
    }

    [Fact]
    public async Task TheEntriesListShowsEachEntrysVotesOfTheLast30DaysWithWordsForScreenReaders()
    {
        await using var factory = await FactoryWithVotesAsync();
        using var client = await factory.SignedInClientAsync();

        var html = await client.PageAsync("/staff");

        Assert.Contains("<th scope=\"col\">Feedback (30 days)</th>", html, StringComparison.Ordinal);
        Assert.Contains("👍 3 helpful, · 👎 1 not helpful", RowOf(html, "faq/cost"), StringComparison.Ordinal);
        Assert.Contains("👍 0 helpful, · 👎 4 not helpful", RowOf(html, "faq/insurance"), StringComparison.Ordinal);
        Assert.Contains("no votes", RowOf(html, "faq/preparation"), StringComparison.Ordinal);
        Assert.Contains("<span aria-hidden=\"true\">👍</span>", html, StringComparison.Ordinal);
        Assert.Contains("👍 3 helpful, · 👎 5 not helpful on 2 entries", StaffClient.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDislikedFilterListsOnlyEntriesWithThumbsDownTheMostFirst()
    {
        await using var factory = await FactoryWithVotesAsync();
        using var client = await factory.SignedInClientAsync();

        var html = await client.PageAsync("/staff?show=disliked");

        Assert.Contains("<caption>2 entries</caption>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<code>faq/insurance</code>", StringComparison.Ordinal) < html.IndexOf("<code>faq/cost</code>", StringComparison.Ordinal));
        Assert.Contains("<option value=\"disliked\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntrysPageShowsItsVotesPerModelVersionInClinicTime()
    {
        await using var factory = await FactoryWithVotesAsync();
        using var client = await factory.SignedInClientAsync();

        var text = StaffClient.Text(await client.PageAsync("/staff/entry?id=faq%2Fcost"));

        Assert.Contains("Patients' feedback, last 30 days", text, StringComparison.Ordinal);
        Assert.Contains("👍 3 helpful, · 👎 1 not helpful — 75% helpful; last vote 2026-11-24 08:00 CT", text, StringComparison.Ordinal);
        Assert.Contains("model-b 👍 1 helpful, · 👎 1 not helpful 2026-11-24 08:00 CT", text, StringComparison.Ordinal);
        Assert.Contains("model-a 👍 2 helpful, · 👎 0 not helpful 2026-11-14 10:00 CT", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("model-b", StringComparison.Ordinal) < text.IndexOf("model-a", StringComparison.Ordinal), "newest vote first");
        Assert.DoesNotContain("model-old", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreFailureShowsFeedbackUnavailableAndTheRestOfThePages()
    {
        await using var factory = new StaffAppFactory(services =>
        {
            services.RemoveAll<IAnswerFeedbackStore>();
            services.AddSingleton<IAnswerFeedbackStore, FailingFeedbackStore>();
        });
        using var client = await factory.SignedInClientAsync();

        var list = StaffClient.Text(await client.PageAsync("/staff"));
        var entryHtml = await client.PageAsync("/staff/entry?id=faq%2Fcost");
        var entry = StaffClient.Text(entryHtml);

        Assert.Contains("feedback unavailable", list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("faq/cost", list, StringComparison.Ordinal);
        Assert.Contains("Feedback unavailable", entry, StringComparison.Ordinal);
        Assert.Equal("How much does treatment cost?", StaffClient.Field(entryHtml, "Form.Title"));
    }

    private sealed class FailingFeedbackStore : IAnswerFeedbackStore
    {
        public Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken) => throw new InvalidOperationException("down");

        public Task<IReadOnlyList<AnswerFeedbackCount>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken) => throw new InvalidOperationException("database is locked");

        public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => throw new InvalidOperationException("down");
    }
}
