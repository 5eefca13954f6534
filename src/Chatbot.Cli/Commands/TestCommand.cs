using System.CommandLine;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Spectre.Console;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot test</c>: runs the staff acceptance tests in <c>faq-data/tests/test-conversations.json</c>.</summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var strict = new Option<bool>("--strict") { Description = "Pass only when the bot would answer outright (a right \"did you mean\" fails)." };
        var command = new Command("test", "Run tests/test-conversations.json against the model: a pass/fail table, exit 1 on any failure.");
        common.AddTo(command);
        command.Options.Add(strict);
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(
            context, common.DataFolder(result), common.ModelFolder(result), result.GetValue(strict), cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string dataFolder, string modelFolder, bool strict, CancellationToken cancellationToken)
    {
        var tests = new TestConversationLoader().LoadFromDataFolder(dataFolder);
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
        var table = new Table().Title($"Test conversations ({tests.File})").AddColumns("Result", "Question", "Expected", "Got", "Score", "Decision");
        var failures = 0;
        foreach (var test in tests.Tests)
        {
            var prediction = classifier.Classify(test.Text);
            var decision = IntentDecisions.Decide(prediction);
            var passed = Passes(test, prediction, decision, strict);
            failures += passed ? 0 : 1;
            var got = prediction.IsOutOfScope ? $"{FaqEntry.OutOfScopeId} ({prediction.Best.Intent})" : prediction.Best.Intent;
            table.AddRow(new Text(passed ? "pass" : "FAIL"), new Text(test.Text), new Text(test.Intent), new Text(got),
                new Text(Format.Score(prediction.Best.Score)), new Text(decision.ToString()));
        }

        context.CreateConsole().Write(table);
        context.Output.WriteLine($"{tests.Tests.Count - failures} of {tests.Tests.Count} test conversations passed; {failures} failed.");
        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>
    /// Out-of-scope tests pass when the bot falls back. Other tests pass when the best intent is the expected one and the bot
    /// does not fall back (with <c>--strict</c>: only when it answers or refers outright).
    /// </summary>
    private static bool Passes(TestConversation test, IntentPrediction prediction, IntentDecision decision, bool strict)
    {
        if (test.Intent == FaqEntry.OutOfScopeId)
        {
            return decision == IntentDecision.Fallback;
        }

        return prediction.Best.Intent == test.Intent
            && decision != IntentDecision.Fallback
            && (!strict || decision != IntentDecision.Clarify);
    }
}
