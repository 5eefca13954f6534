using Chatbot.Faq.Dataset;

namespace Chatbot.Cli;

/// <summary>Loads and validates the data folder the way every command does.</summary>
internal static class DataLoading
{
    public static (FaqDataset Dataset, TestConversationSet? Tests, IReadOnlyList<ValidationIssue> Issues) LoadAndValidate(
        string dataFolder, TimeProvider timeProvider)
    {
        var dataset = new FaqDatasetLoader().Load(dataFolder);
        var tests = new TestConversationLoader().LoadFromDataFolder(dataFolder);
        var issues = new FaqDatasetValidator(timeProvider).Validate(dataset, tests);
        return (dataset, tests, issues);
    }

    /// <summary>Prints issues as <c>file:line:col: severity: message</c> with the fix on the next line.</summary>
    public static void WriteIssues(TextWriter writer, IEnumerable<ValidationIssue> issues)
    {
        foreach (var issue in issues)
        {
            writer.WriteLine($"{issue.File}:{issue.Line}:{issue.Column}: {(issue.IsError ? "error" : "warning")}: {issue.Message}");
            writer.WriteLine($"    fix: {issue.Fix}");
        }
    }

    /// <summary>For commands that need valid data: prints the errors to stderr and returns false when there are any.</summary>
    public static bool EnsureValid(CliContext context, IReadOnlyList<ValidationIssue> issues)
    {
        var errors = issues.Where(i => i.IsError).ToList();
        if (errors.Count == 0)
        {
            return true;
        }

        WriteIssues(context.Error, errors);
        context.Error.WriteLine($"The FAQ data has {errors.Count} error(s); fix them first (see 'chatbot validate').");
        return false;
    }
}
