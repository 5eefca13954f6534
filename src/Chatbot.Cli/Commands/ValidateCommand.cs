using System.CommandLine;
using System.Globalization;
using Chatbot.Faq.Dataset;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot validate</c>: checks the FAQ data and explains every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var failOnWarnings = new Option<bool>("--fail-on-warnings") { Description = "Exit 1 when there are warnings, not only errors." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("validate", "Check the FAQ data files (and tests/test-conversations.json) and explain how to fix each problem.");
        common.AddTo(command);
        command.Options.Add(failOnWarnings);
        command.Options.Add(json);
        command.SetAction(result => Run(context, common.DataFolder(result), result.GetValue(failOnWarnings), result.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string dataFolder, bool failOnWarnings, bool json)
    {
        var (dataset, tests, issues) = DataLoading.LoadAndValidate(dataFolder, context.TimeProvider);
        var errors = issues.Count(i => i.IsError);
        var warnings = issues.Count - errors;
        var failed = errors > 0 || (failOnWarnings && warnings > 0);
        if (json)
        {
            CliJson.Write(context.Output, new
            {
                valid = !failed,
                dataFolder,
                files = dataset.Files,
                entries = dataset.Entries.Count,
                examples = dataset.Entries.Sum(e => e.Examples.Count),
                tests = tests?.Tests.Count ?? 0,
                errors,
                warnings,
                datasetHash = dataset.ContentHash,
                issues,
            });
            return failed ? ExitCodes.Failed : ExitCodes.Ok;
        }

        DataLoading.WriteIssues(context.Output, issues);
        if (issues.Count > 0)
        {
            context.Output.WriteLine();
        }

        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{dataset.Files.Count} file(s), {dataset.Entries.Count} entries, {dataset.Entries.Sum(e => e.Examples.Count)} example questions, {tests?.Tests.Count ?? 0} test(s): {errors} error(s), {warnings} warning(s)."));
        context.Output.WriteLine(failed
            ? errors > 0 ? "The FAQ data is NOT valid." : "The FAQ data has warnings (--fail-on-warnings)."
            : "The FAQ data is valid.");
        return failed ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
