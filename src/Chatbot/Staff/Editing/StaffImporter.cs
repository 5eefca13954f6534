using System.Globalization;
using System.Text;
using Chatbot.Faq.Editing;
using Chatbot.Faq.Exchange;

namespace Chatbot.Staff.Editing;

/// <summary>
/// Import and export for the staff page, with the same code as the CLI (<c>Chatbot.Faq.Exchange</c>): imported entries
/// are drafts written to a new file <c>imported-&lt;name&gt;.json</c>, so nothing existing is overwritten.
/// </summary>
public sealed class StaffImporter(FaqEditor editor)
{
    /// <summary>The largest file accepted.</summary>
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    /// <summary>Reads an uploaded file and writes its drafts; a file that cannot be used changes nothing.</summary>
    public async Task<EditOutcome> ImportAsync(string user, string fileName, Stream content, ImportKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName);
        string text;
        try
        {
            using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return EditOutcome.Of(EditStatus.Invalid, $"{name} is not a UTF-8 text file. Save it as plain text (UTF-8) or Markdown and upload it again. Nothing was imported.");
        }

        var ids = new ImportedEntryIds(editor.Load().AllEntries.Select(e => e.Id));
        IReadOnlyList<FaqEntryContent> drafts;
        IReadOnlyList<string> skipped = [];
        try
        {
            if (kind == ImportKind.Article)
            {
                drafts = ArticleImport.Import(text, name, ids, editor.Today);
            }
            else
            {
                var read = QnaTsv.Read(new StringReader(text));
                skipped = read.Problems;
                drafts = QnaImport.ToEntries(read.Pairs, ids, editor.Today, name);
            }
        }
        catch (FaqImportException ex)
        {
            return EditOutcome.Of(EditStatus.Invalid, $"{name} could not be imported: {ex.Message} Nothing was imported.");
        }

        var target = ImportedTopicFile.NewFileName(editor.DataFolder, name);
        var outcome = await editor.ImportAsync(user, target, ImportedTopicFile.Create(name, drafts),
            string.Create(CultureInfo.InvariantCulture, $"{drafts.Count} draft(s) from {name}"), cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        var note = skipped.Count == 0 ? string.Empty : $" {skipped.Count} row(s) were skipped: {string.Join("; ", skipped.Take(10))}.";
        return outcome with
        {
            Message = string.Create(CultureInfo.InvariantCulture,
                $"Imported {drafts.Count} draft(s) into {Path.GetFileName(editor.DataFolder)}/{target}: {string.Join(", ", drafts.Select(d => d.Id))}. Review each one (answer in our own words, at least 15 examples), untick Draft, then publish.{note}"),
            Issues = [],
        };
    }

    /// <summary>The entries as a QnA Maker TSV file (drafts only when asked).</summary>
    public string ExportQna(bool includeDrafts)
    {
        var workspace = editor.Load();
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        QnaTsv.Write(writer, (includeDrafts ? workspace.AllEntries : workspace.Dataset.Entries).Select(FaqEntryContent.From));
        return writer.ToString();
    }

    /// <summary>The entries as CSV for spreadsheets (drafts only when asked).</summary>
    public string ExportCsv(bool includeDrafts)
    {
        var workspace = editor.Load();
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        FaqCsv.Write(writer, includeDrafts ? workspace.AllEntries : workspace.Dataset.Entries);
        return writer.ToString();
    }
}
