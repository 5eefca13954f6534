using System.CommandLine;
using Chatbot.Faq.Publishing;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot rollback</c>: the previously published version becomes current again (the running bot follows).</summary>
internal static class RollbackCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var user = PublishCommand.UserOption();
        var command = new Command("rollback", "Make the previously published version current again. Exit 0 rolled back, 1 nothing to roll back to or failed.");
        common.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(user);
        command.SetAction((result, cancellationToken) =>
        {
            var report = new FaqPublisher(context.TimeProvider)
                .Rollback(common.ModelFolder(result), PublishTrigger.Cli, result.GetValue(user) ?? Environment.UserName, cancellationToken).Report;
            if (result.GetValue(json))
            {
                CliJson.Write(context.Output, report);
            }
            else
            {
                PublishOutput.Write(context, report);
            }

            return Task.FromResult(PublishOutput.ExitCode(report, PublishOutcome.RolledBack));
        });
        return command;
    }
}
