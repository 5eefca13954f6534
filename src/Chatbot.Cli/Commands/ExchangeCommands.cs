using System.CommandLine;
using System.Text;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Editing;
using Chatbot.Faq.Exchange;

namespace Chatbot.Cli.Commands;

/// <summary>
/// <c>import-article</c>, <c>import-qna</c>, <c>export-qna</c>, <c>export-csv</c>: the staff page's import and export
/// from the command line, with the same code (<c>Chatbot.Faq.Exchange</c>). Imports write drafts into a new file
/// <c>imported-&lt;name&gt;.json</c> of the data folder, after checking the folder with it; nothing existing changes.
/// </summary>
internal static class ExchangeCommands
{
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        Import(context, "import-article", "Make draft entries from an article (plain text or Markdown): each question-like heading becomes a draft with the paragraphs under it as its answer.",
            (text, name, ids, today) => (ArticleImport.Import(text, name, ids, today), [])),
        Import(context, "import-qna", "Import a QnA Maker / Azure Question Answering knowledge base exported as TSV (Question, Answer, Source, Metadata) as draft entries.",
            (text, name, ids, today) =>
            {
                var read = QnaTsv.Read(new StringReader(text));
                return (QnaImport.ToEntries(read.Pairs, ids, today, name), read.Problems);
            }),
        Export(context, "export-qna", "Export the entries as a QnA Maker TSV file (one row per example question; other fields in Metadata). '-' writes to standard output.",
            (writer, entries) => QnaTsv.Write(writer, entries.Select(FaqEntryContent.From)), withBom: false),
        Export(context, "export-csv", "Export the entries as CSV for spreadsheets (one row per entry). '-' writes to standard output.",
            FaqCsv.Write, withBom: true),
    ];

    private delegate (IReadOnlyList<FaqEntryContent> Drafts, IReadOnlyList<string> Skipped) Importer(string text, string name, ImportedEntryIds ids, DateOnly today);

    private static Command Import(CliContext context, string name, string description, Importer importer)
    {
        var common = new CommonOptions();
        var file = new Argument<string>("file") { Description = "The file to import." };
        var command = new Command(name, description);
        common.AddTo(command);
        command.Arguments.Add(file);
        command.SetAction(result => RunImport(context, common.DataFolder(result), result.GetValue(file) ?? string.Empty, importer));
        return command;
    }

    private static int RunImport(CliContext context, string dataFolder, string file, Importer importer)
    {
        if (!File.Exists(file))
        {
            context.Error.WriteLine($"error: there is no file {file}.");
            return ExitCodes.Failed;
        }

        var sourceName = Path.GetFileName(file);
        var today = DateOnly.FromDateTime(context.TimeProvider.GetLocalNow().DateTime);
        var dataset = new FaqDatasetLoader().Load(dataFolder);
        IReadOnlyList<FaqEntryContent> drafts;
        IReadOnlyList<string> skipped;
        try
        {
            var text = File.ReadAllText(file, new UTF8Encoding(false, throwOnInvalidBytes: true));
            (drafts, skipped) = importer(text, sourceName, new ImportedEntryIds(dataset.Entries.Concat(dataset.Drafts).Select(e => e.Id)), today);
        }
        catch (FaqImportException ex)
        {
            context.Error.WriteLine($"error: {file} could not be imported: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (DecoderFallbackException)
        {
            context.Error.WriteLine($"error: {file} is not a UTF-8 text file; save it as plain text (UTF-8) and try again.");
            return ExitCodes.Failed;
        }

        foreach (var problem in skipped)
        {
            context.Error.WriteLine($"warning: {sourceName} {problem}; the row was skipped.");
        }

        var target = ImportedTopicFile.NewFileName(dataFolder, sourceName);
        var content = ImportedTopicFile.Create(sourceName, drafts);
        var check = new FaqChangeCheck(context.TimeProvider).Check(dataFolder, new Dictionary<string, string> { [target] = content });
        if (!check.IsAcceptable)
        {
            DataLoading.WriteIssues(context.Error, check.NewErrors);
            context.Error.WriteLine("error: the import would add the errors above; nothing was written.");
            return ExitCodes.Failed;
        }

        try
        {
            FaqFileWriter.WriteAtomically(Path.Combine(dataFolder, target), content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: {target} could not be written ({ex.Message}); nothing was changed.");
            return ExitCodes.Failed;
        }

        context.Output.WriteLine($"Imported {drafts.Count} draft(s) into {Path.GetFileName(Path.TrimEndingDirectorySeparator(dataFolder))}/{target}:");
        foreach (var draft in drafts)
        {
            context.Output.WriteLine($"  {draft.Id}  {draft.Title}  ({draft.Examples.Count} example(s))");
        }

        context.Output.WriteLine("They are drafts: the bot does not use them until each is reviewed (answer in our own words, at least 15 examples) and \"draft\": true is removed.");
        return ExitCodes.Ok;
    }

    private static Command Export(CliContext context, string name, string description, Action<TextWriter, IEnumerable<FaqEntry>> write, bool withBom)
    {
        var common = new CommonOptions();
        var file = new Argument<string>("file") { Description = "Where to write ('-' for standard output)." };
        var drafts = new Option<bool>("--include-drafts") { Description = "Export draft entries too (marked as drafts)." };
        var command = new Command(name, description);
        common.AddTo(command);
        command.Arguments.Add(file);
        command.Options.Add(drafts);
        command.SetAction(result =>
        {
            var dataset = new FaqDatasetLoader().Load(common.DataFolder(result));
            if (dataset.LoadIssues.Any(i => i.IsError))
            {
                DataLoading.WriteIssues(context.Error, dataset.LoadIssues.Where(i => i.IsError));
                context.Error.WriteLine("error: some files could not be read; fix them first (see 'chatbot validate').");
                return ExitCodes.Failed;
            }

            var entries = result.GetValue(drafts) ? dataset.Entries.Concat(dataset.Drafts).ToList() : dataset.Entries;
            var path = result.GetValue(file) ?? "-";
            if (path == "-")
            {
                write(context.Output, entries);
                return ExitCodes.Ok;
            }

            try
            {
                using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(withBom)))
                {
                    write(writer, entries);
                }

                context.Error.WriteLine($"Exported {entries.Count} entries to {path}.");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"error: {path} could not be written ({ex.Message}).");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
