using System.CommandLine;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Publishing;
using Spectre.Console;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot test</c>: runs the staff acceptance tests in <c>faq-data/tests/test-conversations.json</c>.</summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var strict = new Option<bool>("--strict") { Description = "Pass only when the bot would answer outright (a right \"did you mean\" fails)." };
        var file = new Option<string?>("--file") { Description = "Another tests file in the same format (e.g. faq-data/tests/real-world-questions.json). Default: tests/test-conversations.json of the data folder.", HelpName = "path" };
        var command = new Command("test", "Run tests/test-conversations.json against the model: a pass/fail table, exit 1 on any failure.");
        common.AddTo(command);
        command.Options.Add(strict);
        command.Options.Add(file);
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(
            context, common.DataFolder(result), common.ModelFolder(result), result.GetValue(file), result.GetValue(strict), cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string dataFolder, string modelFolder, string? file, bool strict, CancellationToken cancellationToken)
    {
        if (file is not null && !File.Exists(file))
        {
            context.Error.WriteLine($"There is no tests file {file}.");
            return ExitCodes.Usage;
        }

        var tests = file is null ? new TestConversationLoader().LoadFromDataFolder(dataFolder) : new TestConversationLoader().Load(file);
        if (tests is null)
        {
            context.Error.WriteLine($"There is no {TestConversationLoader.RelativePath} in {dataFolder}.");
            return ExitCodes.Failed;
        }

        if (tests.Issues.Count > 0)
        {
            DataLoading.WriteIssues(context.Error, tests.Issues);
            return ExitCodes.Failed;
        }

        var loaded = ModelLoading.LoadOrTrain(context, dataFolder, modelFolder, cancellationToken);
        if (loaded is null)
        {
            return ExitCodes.Failed;
        }

        using var classifier = loaded.Classifier;
        var decider = DeciderLoading.Load(context, loaded, modelFolder, cancellationToken);
        var knowledge = DeciderLoading.Knowledge(loaded);
        var table = new Table().Title($"Test conversations ({tests.File})").AddColumns("Result", "Question", "Expected", "Got", "Score", "Stage");
        var failures = 0;
        foreach (var test in tests.Tests)
        {
            // The bot's own decision: the same gate, exact matches, classifier, policy and audience as a patient's turn.
            var decision = decider.Decide(test.Text, knowledge, StaffTestRunner.StaffAudienceFor(test, loaded.Catalog));
            var passed = StaffTestRunner.Passes(test, decision, strict);
            failures += passed ? 0 : 1;
            table.AddRow(new Text(passed ? "pass" : "FAIL"), new Text(test.Text), new Text(test.Intent), new Text(decision.Outcome),
                new Text(decision.Prediction is { } p ? Format.Score(p.Best.Score) : "–"), new Text(decision.Prediction?.Stage.ToString() ?? decision.Source));
        }

        context.CreateConsole().Write(table);
        context.Output.WriteLine($"{tests.Tests.Count - failures} of {tests.Tests.Count} test conversations passed; {failures} failed.");
        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
