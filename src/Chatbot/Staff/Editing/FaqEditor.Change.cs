using System.Globalization;
using Chatbot.Faq.Editing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Staff;

namespace Chatbot.Staff.Editing;

/// <summary>The one path every change takes: read, change in memory, validate, write with an audit record.</summary>
public sealed partial class FaqEditor
{
    /// <summary>Changes one entry of a document: returns the id whose ETag to report, or a refusal; (null, null) = conflict.</summary>
    private delegate (string? EntryId, EditOutcome? Refusal) EntryChange(FaqTopicDocument document, JObject? current);

    private Task<EditOutcome> ChangeAsync(string user, string fileName, string action, string entryId, CancellationToken cancellationToken, EntryChange change) =>
        ChangeAsync(user, fileName, action, entryId, cancellationToken, detail: null, newFileText: null, change);

    private async Task<EditOutcome> ChangeAsync(
        string user, string fileName, string action, string? entryId, CancellationToken cancellationToken,
        string? detail, string? newFileText, EntryChange? change = null)
    {
        var path = PathOf(fileName);
        var display = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(DataFolder))}/{fileName}";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            string? text;
            try
            {
                text = await files.ReadAsync(path, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return EditOutcome.Of(EditStatus.Failed, $"{display} could not be read ({ex.Message}). Nothing was saved.");
            }

            string? before = null;
            string? after;
            string newText;
            if (newFileText is not null)
            {
                newText = newFileText;
                after = newFileText;
            }
            else
            {
                FaqTopicDocument document;
                try
                {
                    document = FaqTopicDocument.Parse(text ?? throw new JsonReaderException("The file is missing."));
                }
                catch (JsonException)
                {
                    var problems = Load().Issues.Where(i => i.IsError && i.File == display).ToList();
                    return new EditOutcome(EditStatus.Invalid,
                        $"{display} has an error that must be fixed in the file first (someone may be editing it by hand). Nothing was saved.", problems);
                }

                var current = entryId is null ? null : document.Find(entryId);
                before = current?.ToString(Formatting.Indented);
                var (changedId, refusal) = change!(document, current);
                if (refusal is not null)
                {
                    return refusal;
                }

                if (changedId is null)
                {
                    return await ConflictAsync(entryId!, before, path, cancellationToken);
                }

                newText = document.ToJson();
                after = document.Find(changedId)?.ToString(Formatting.Indented);
                if (newText == text)
                {
                    return new EditOutcome(EditStatus.Unchanged, "Nothing changed, so nothing was saved.", [], FaqTopicDocument.ETagOf(document.Find(changedId)!));
                }
            }

            var check = new FaqChangeCheck(timeProvider).Check(DataFolder, new Dictionary<string, string> { [fileName] = newText });
            if (!check.IsAcceptable)
            {
                return new EditOutcome(EditStatus.Invalid,
                    "The change was not saved: it would add the problems below (the same checks as 'chatbot validate'). Fix them and save again.",
                    check.NewErrors);
            }

            var record = new StaffAuditRecord(0, timeProvider.GetUtcNow(), user, action, entryId, display, before, after, detail);
            try
            {
                await audit.AppendWithChangeAsync(record, ct => files.WriteAsync(path, newText, ct), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.WriteFailed(logger, ex, display);
                return EditOutcome.Of(EditStatus.Failed,
                    $"The change could not be written to {display} ({ex.Message}). Nothing was changed, and the bot keeps answering with the published version. " +
                    "Tell the person who runs the server (the disk may be full), then save again.");
            }

            Log.Changed(logger, user, action, entryId ?? fileName);
            var etag = entryId is null ? null : FaqTopicDocument.Parse(newText).Find(entryId) is { } saved ? FaqTopicDocument.ETagOf(saved) : null;
            var warnings = entryId is null
                ? [.. check.Issues.Where(i => i.File == display)]
                : FaqWorkspace.IssuesNaming(check.Issues, entryId);
            return new EditOutcome(EditStatus.Saved, $"Saved to {display}. The bot takes it up once it is published: it publishes saved changes by itself after its quality check (see Publish).", warnings, etag);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<EditOutcome> ConflictAsync(string entryId, string? currentJson, string path, CancellationToken cancellationToken)
    {
        // Who and when: the last audited change if it made the entry what it is now; otherwise the entry was changed
        // outside the staff page (an editor, a git pull), and the file's time is the best answer.
        var last = (await audit.ListAsync(entryId, 1, cancellationToken)).FirstOrDefault();
        var (at, by) = last is not null && last.After == currentJson
            ? (last.At, $" ({last.User})")
            : (new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero), string.Empty);
        var time = clock.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture);
        return EditOutcome.Of(EditStatus.Conflict,
            $"Someone else{by} changed this entry at {time}; reload to see their change. Nothing was saved, and nothing was overwritten.");
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Staff {User}: {Action} {Target}")]
        public static partial void Changed(ILogger logger, string user, string action, string target);

        [LoggerMessage(Level = LogLevel.Error, Message = "The FAQ file {File} could not be written; nothing was changed")]
        public static partial void WriteFailed(ILogger logger, Exception exception, string file);
    }
}
