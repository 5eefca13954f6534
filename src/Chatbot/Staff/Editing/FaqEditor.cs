using Chatbot.Conversation;
using Chatbot.Faq;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Editing;
using Chatbot.Knowledge;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Staff;

namespace Chatbot.Staff.Editing;

/// <summary>
/// Changes the FAQ topic files for the staff page. Every change is checked in memory against the whole data folder
/// first (the same validator as <c>chatbot validate</c>: a change that adds an error is refused and nothing is
/// written), guarded by the entry's ETag (a hash of its JSON as loaded: if someone else changed it since, the save is
/// refused), written atomically (temporary file, then move) and recorded in the audit log with the entry before and
/// after. Changes of this process take turns; the published bot is untouched until a publish.
/// </summary>
public sealed partial class FaqEditor(
    IOptions<FaqOptions> faqOptions,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ClinicClock clock,
    IStaffAuditLog audit,
    IFaqFileStore files,
    ILogger<FaqEditor> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The data folder (<c>Chatbot:Faq:DataFolder</c>, resolved like the bot does).</summary>
    public string DataFolder { get; } = FaqFolders.ResolveDataFolder(faqOptions.Value, environment.ContentRootPath);

    /// <summary>Today in the clinic's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.LocalNow.DateTime);

    /// <summary>Reads and validates the data folder as it is on disk now.</summary>
    public FaqWorkspace Load()
    {
        var dataset = new FaqDatasetLoader().Load(DataFolder);
        var tests = new TestConversationLoader().LoadFromDataFolder(DataFolder);
        return new FaqWorkspace(dataset, new FaqDatasetValidator(timeProvider).Validate(dataset, tests), Today);
    }

    /// <summary>The names of the topic files (e.g. <c>treatment.json</c>).</summary>
    public IReadOnlyList<string> TopicFiles() =>
        [.. Directory.EnumerateFiles(DataFolder, "*.json").Select(Path.GetFileName).OfType<string>()
            .Where(n => !string.Equals(n, FaqDatasetLoader.SchemaFileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    /// <summary>The entry's current version tag, or null when the entry or its file cannot be read.</summary>
    public async Task<string?> ETagAsync(FaqEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var text = await files.ReadAsync(PathOf(Path.GetFileName(entry.File)), cancellationToken);
            var json = text is null ? null : FaqTopicDocument.Parse(text).Find(entry.Id);
            return json is null ? null : FaqTopicDocument.ETagOf(json);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Saves an edited entry, unless someone else changed it since <paramref name="etag"/>.</summary>
    public Task<EditOutcome> SaveAsync(string user, FaqEntryContent content, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var entry = Load().Find(content.Id);
        if (entry is null)
        {
            return Task.FromResult(EditOutcome.Of(EditStatus.NotFound,
                $"The entry '{content.Id}' is no longer in the FAQ files (someone renamed or deleted it). Nothing was saved."));
        }

        return ChangeAsync(user, Path.GetFileName(entry.File), StaffAuditActions.Edit, content.Id, cancellationToken, (document, current) =>
        {
            if (current is null)
            {
                return (null, EditOutcome.Of(EditStatus.NotFound, $"The entry '{content.Id}' is no longer in {entry.File}. Nothing was saved."));
            }

            if (!string.Equals(FaqTopicDocument.ETagOf(current), etag, StringComparison.Ordinal))
            {
                return (null, null); // Reported as a conflict by ChangeAsync, which knows when and by whom.
            }

            document.Apply(content);
            return (content.Id, null);
        });
    }

    /// <summary>Adds a new entry at the end of <paramref name="fileName"/> (an existing topic file).</summary>
    public Task<EditOutcome> CreateAsync(string user, string fileName, FaqEntryContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!TopicFiles().Contains(fileName, StringComparer.Ordinal))
        {
            return Task.FromResult(EditOutcome.Of(EditStatus.NotFound, $"There is no topic file '{fileName}'; choose one of the list."));
        }

        if (Load().Find(content.Id) is { } existing)
        {
            return Task.FromResult(EditOutcome.Of(EditStatus.Invalid,
                $"The id '{content.Id}' is already used by the entry at {existing.File}:{existing.Line}. Choose a new id (ids are never reused)."));
        }

        return ChangeAsync(user, fileName, StaffAuditActions.Create, content.Id, cancellationToken, (document, current) =>
        {
            if (current is not null)
            {
                return (null, EditOutcome.Of(EditStatus.Invalid, $"The id '{content.Id}' was just used by someone else. Choose a new id."));
            }

            document.Apply(content);
            return (content.Id, null);
        });
    }

    /// <summary>Adds example questions to an entry (those it already has, ignoring case and punctuation, are skipped).</summary>
    public Task<EditOutcome> AddExamplesAsync(string user, string entryId, IReadOnlyList<string> examples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var entry = Load().Find(entryId);
        if (entry is null)
        {
            return Task.FromResult(EditOutcome.Of(EditStatus.NotFound, $"There is no entry '{entryId}'."));
        }

        return ChangeAsync(user, Path.GetFileName(entry.File), StaffAuditActions.AddExamples, entryId, cancellationToken, (document, current) =>
        {
            if (current is null)
            {
                return (null, EditOutcome.Of(EditStatus.NotFound, $"The entry '{entryId}' is no longer in {entry.File}."));
            }

            var known = entry.Examples.Select(ExampleText.Normalize).ToHashSet(StringComparer.Ordinal);
            var added = examples.Select(e => e.Trim()).Where(e => e.Length > 0 && known.Add(ExampleText.Normalize(e))).ToList();
            document.Apply(FaqEntryContent.From(entry) with { Examples = [.. entry.Examples, .. added] });
            return (entryId, null);
        });
    }

    /// <summary>Writes imported drafts into a new topic file <c>imported-&lt;name&gt;.json</c>; no existing file changes.</summary>
    public Task<EditOutcome> ImportAsync(string user, string fileName, string fileText, string detail, CancellationToken cancellationToken)
    {
        if (File.Exists(PathOf(fileName)))
        {
            return Task.FromResult(EditOutcome.Of(EditStatus.NotFound, $"A file named {fileName} already exists; nothing was imported."));
        }

        return ChangeAsync(user, fileName, StaffAuditActions.Import, entryId: null, cancellationToken, detail: detail, newFileText: fileText);
    }

    private string PathOf(string fileName) => Path.Combine(DataFolder, Path.GetFileName(fileName));
}
