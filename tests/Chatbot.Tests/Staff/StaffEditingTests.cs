using System.Net;
using Chatbot.Faq.Dataset;
using Chatbot.Staff.Editing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Chatbot.Clinic.Staff;

namespace Chatbot.Tests.Staff;

/// <summary>Editing from the staff page: files written, audited, validated first, ETag-guarded, failures harmless.</summary>
public sealed class StaffEditingTests
{
    private const string Entry = "/staff/entry?id=faq%2Finfusion_duration";

    /// <summary>The form as the page shows it, with some fields replaced.</summary>
    private static Dictionary<string, string> Form(string html, Dictionary<string, string>? changes = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Form.Id"] = StaffClient.Field(html, "Form.Id"),
            ["Form.ETag"] = StaffClient.Field(html, "Form.ETag"),
            ["Form.Title"] = StaffClient.Field(html, "Form.Title"),
            ["Form.Audience"] = "patient",
            ["Form.Examples"] = StaffClient.TextArea(html, "Form.Examples"),
            ["Form.Answer"] = StaffClient.TextArea(html, "Form.Answer"),
            ["Form.FollowUps"] = StaffClient.Field(html, "Form.FollowUps"),
            ["Form.Source"] = StaffClient.Field(html, "Form.Source"),
            ["Form.Owner"] = StaffClient.Field(html, "Form.Owner"),
            ["Form.LastReviewed"] = StaffClient.Field(html, "Form.LastReviewed"),
            ["Form.ReviewBy"] = StaffClient.Field(html, "Form.ReviewBy"),
            ["Form.Draft"] = "false",
        };
        foreach (var (key, value) in changes ?? [])
        {
            form[key] = value;
        }

        return form;
    }

    [Fact]
    public async Task SavingAnAnswerChangesOnlyThatLineOfTheFileAndIsAudited()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();
        var before = factory.Data.Read("treatment.json");
        var html = await client.PageAsync(Entry);
        var oldAnswer = StaffClient.TextArea(html, "Form.Answer");

        using var response = await client.PostAsync("/staff/entry", StaffClient.Token(html), Form(html, new() { ["Form.Answer"] = "A new approved answer." }));
        var page = StaffClient.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Saved to faq-data/treatment.json", page, StringComparison.Ordinal);
        var after = factory.Data.Read("treatment.json");
        var changed = before.Split('\n').Zip(after.Split('\n')).Where(p => p.First != p.Second).ToList();
        var line = Assert.Single(changed);
        Assert.Equal("      \"answer\": \"A new approved answer.\",", line.Second);
        var record = Assert.Single(await factory.Services.GetRequiredService<IStaffAuditLog>().ListAsync("faq/infusion_duration", 10, CancellationToken.None));
        Assert.Equal((StaffAppFactory.UserName, StaffAuditActions.Edit, "faq-data/treatment.json"), (record.User, record.Action, record.File));
        Assert.Contains(Newtonsoft.Json.JsonConvert.ToString(oldAnswer), record.Before, StringComparison.Ordinal);
        Assert.Contains("A new approved answer.", record.After, StringComparison.Ordinal);
        Assert.Equal(factory.Clock.GetUtcNow(), record.At);
    }

    [Fact]
    public async Task TheSecondOfTwoConcurrentSavesIsRefusedAndNothingIsOverwritten()
    {
        await using var factory = new StaffAppFactory();
        using var alice = await factory.SignedInClientAsync();
        using var alsoAlice = await factory.SignedInClientAsync();
        var first = await alice.PageAsync(Entry);
        var second = await alsoAlice.PageAsync(Entry);

        using var saved = await alice.PostAsync("/staff/entry", StaffClient.Token(first), Form(first, new() { ["Form.Answer"] = "First save wins." }));
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        using var refused = await alsoAlice.PostAsync("/staff/entry", StaffClient.Token(second), Form(second, new() { ["Form.Answer"] = "Second save must not overwrite." }));
        var page = StaffClient.Text(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Someone else (alice) changed this entry at 10:00; reload to see their change.", page, StringComparison.Ordinal);
        var file = factory.Data.Read("treatment.json");
        Assert.Contains("First save wins.", file, StringComparison.Ordinal);
        Assert.DoesNotContain("Second save must not overwrite.", file, StringComparison.Ordinal);
        Assert.Contains("Second save must not overwrite.", page, StringComparison.Ordinal); // the typed text stays in the form
    }

    [Fact]
    public async Task AnEditThatBreaksValidationIsShownInlineAndNothingIsWritten()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();
        var before = factory.Data.Read("treatment.json");
        var html = await client.PageAsync(Entry);

        using var response = await client.PostAsync("/staff/entry", StaffClient.Token(html), Form(html, new()
        {
            ["Form.Examples"] = "how long is it\nduration\nhow many minutes",
            ["Form.FollowUps"] = "faq/no_such_entry",
        }));
        var page = StaffClient.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("The change was not saved", page, StringComparison.Ordinal);
        Assert.Contains("entry 'faq/infusion_duration' has 3 example questions", page, StringComparison.Ordinal);
        Assert.Contains("fix: add at least 12 more (minimum 15)", page, StringComparison.Ordinal);
        Assert.Contains("entry 'faq/infusion_duration' has a follow-up 'faq/no_such_entry', but no entry has that id", page, StringComparison.Ordinal);
        Assert.Equal(before, factory.Data.Read("treatment.json"));
        Assert.Empty(await factory.Services.GetRequiredService<IStaffAuditLog>().ListAsync("faq/infusion_duration", 10, CancellationToken.None));
    }

    [Fact]
    public async Task AFullDiskIsAClearMessageAndTheFileAndAuditLogAreUntouched()
    {
        await using var factory = new StaffAppFactory(services =>
        {
            services.RemoveAll<IFaqFileStore>();
            services.AddSingleton<IFaqFileStore>(new FullDiskFileStore());
        });
        using var client = await factory.SignedInClientAsync();
        var before = factory.Data.Read("treatment.json");
        var html = await client.PageAsync(Entry);

        using var response = await client.PostAsync("/staff/entry", StaffClient.Token(html), Form(html, new() { ["Form.Answer"] = "Will not fit." }));
        var page = StaffClient.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("The change could not be written to faq-data/treatment.json (No space left on device). Nothing was changed, and the bot keeps answering with the published version.", page, StringComparison.Ordinal);
        Assert.Equal(before, factory.Data.Read("treatment.json"));
        Assert.Empty(await factory.Services.GetRequiredService<IStaffAuditLog>().ListAsync("faq/infusion_duration", 10, CancellationToken.None));
    }

    [Fact]
    public async Task ANewEntryIsAppendedToItsTopicFileAndAudited()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();
        var html = await client.PageAsync("/staff/new");
        var examples = string.Join('\n', Enumerable.Range(1, 15).Select(i => $"zz unique parking validation question {i}"));

        using var response = await client.PostAsync("/staff/new?handler=Create", StaffClient.Token(html), new Dictionary<string, string>
        {
            ["Form.Id"] = "faq/parking_validation",
            ["Form.TopicFile"] = "practical.json",
            ["Form.Title"] = "Do you validate parking?",
            ["Form.Audience"] = "patient",
            ["Form.Examples"] = examples,
            ["Form.Answer"] = "Ask at the front desk.",
            ["Form.Source"] = "Clinic policy: no source fact — refer to care team",
            ["Form.Owner"] = "Front desk",
            ["Form.LastReviewed"] = "2026-11-24",
            ["Form.ReviewBy"] = "2027-05-24",
            ["Form.Draft"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/entry?id=faq%2Fparking_validation&created=true", response.Headers.Location!.OriginalString);
        var dataset = new FaqDatasetLoader().Load(factory.Data.Path);
        var entry = Assert.Single(dataset.Entries, e => e.Id == "faq/parking_validation");
        Assert.Equal("faq-data/practical.json", entry.File);
        Assert.Equal(dataset.Entries.Last(e => e.File == "faq-data/practical.json"), entry);
        var record = Assert.Single(await factory.Services.GetRequiredService<IStaffAuditLog>().ListAsync("faq/parking_validation", 10, CancellationToken.None));
        Assert.Equal(StaffAuditActions.Create, record.Action);
        Assert.Null(record.Before);
    }

    [Fact]
    public async Task OverdueEntriesAreFlaggedOnThePage()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();
        var html = await client.PageAsync(Entry);
        using var saved = await client.PostAsync("/staff/entry", StaffClient.Token(html), Form(html, new() { ["Form.LastReviewed"] = "2025-01-01", ["Form.ReviewBy"] = "2025-07-01" }));

        var list = StaffClient.Text(await client.PageAsync("/staff?show=overdue"));
        var entry = StaffClient.Text(await client.PageAsync(Entry));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("faq/infusion_duration", list, StringComparison.Ordinal);
        Assert.Contains("2025-07-01 overdue", list, StringComparison.Ordinal);
        Assert.Contains("review overdue", entry, StringComparison.Ordinal);
        Assert.Contains("entry 'faq/infusion_duration' was due for review on 2025-07-01", entry, StringComparison.Ordinal);
    }

    private sealed class FullDiskFileStore : IFaqFileStore
    {
        private readonly AtomicFaqFileStore _real = new();

        public Task<string?> ReadAsync(string path, CancellationToken cancellationToken) => _real.ReadAsync(path, cancellationToken);

        public Task WriteAsync(string path, string content, CancellationToken cancellationToken) =>
            throw new IOException("No space left on device");
    }
}
