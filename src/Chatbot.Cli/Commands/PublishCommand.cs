using Chatbot.Faq.Safety;
using Chatbot.Faq.Embeddings;
using Chatbot.Faq.Dataset;
using Chatbot.Faq.Answering;
using System.CommandLine;
using Chatbot.Faq.Publishing;

namespace Chatbot.Cli.Commands;

/// <summary>
/// <c>chatbot publish</c>: the bot's quality gate, run locally against the model folder. The running bot follows
/// <c>models/published.json</c> and serves the new version as soon as it is written.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print the reports as JSON." };
        var user = UserOption();
        var command = new Command(
            "publish",
            "Validate, train, compare with the published version (macro-F1, staff test conversations) and publish if it is not worse. Exit 0 published or unchanged, 1 refused or failed.");
        common.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(user);
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(
            context, common.DataFolder(result), common.ModelFolder(result), result.GetValue(user) ?? Environment.UserName, result.GetValue(json), cancellationToken)));
        return command;
    }

    /// <summary>The <c>--user</c> option shared by publish and rollback.</summary>
    public static Option<string?> UserOption() => new("--user")
    {
        Description = "Who publishes, for the history. Default: the OS user name.",
        HelpName = "name",
    };

    private static int Run(CliContext context, string dataFolder, string modelFolder, string user, bool json, CancellationToken cancellationToken)
    {
        // The staff tests go through the bot's own decision function, safety gate included (its learned layer too).
        var questions = new FaqDatasetLoader().Load(dataFolder).Examples.Select(e => e.Text).ToList();
        var safety = SafetyModel.LoadOrTrain(Path.Combine(modelFolder, "safety"), SentenceEmbedder.Shared, context.TimeProvider, questions, cancellationToken: cancellationToken);
        var publisher = new FaqPublisher(context.TimeProvider, decider: MessageDecider.With(safety));
        context.Error.WriteLine($"Publishing {dataFolder} into {modelFolder} …");
        var first = publisher.Publish(dataFolder, modelFolder, PublishTrigger.Cli, user, lockTimeout: null, cancellationToken);
        var reports = new List<PublishReport> { first.Report };
        if (!json)
        {
            PublishOutput.Write(context, first.Report);
        }

        if (first.Report.CrossValidationPending)
        {
            context.Error.WriteLine("The new version is already live; cross-validating it now (a running bot keeps serving it unless this finds a regression) …");
            var verified = publisher.Verify(modelFolder, user, cancellationToken);
            reports.Add(verified.Report);
            if (!json)
            {
                PublishOutput.Write(context, verified.Report);
            }
        }

        var final = reports[^1];
        if (json)
        {
            CliJson.Write(context.Output, new { outcome = final.Outcome, currentVersion = final.CurrentVersion, reports });
        }

        return PublishOutput.ExitCode(final, PublishOutcome.Accepted);
    }
}
