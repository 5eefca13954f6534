using System.CommandLine;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Spectre.Console;

namespace Chatbot.Cli.Commands;

/// <summary><c>chatbot ask "question"</c>: shows how the model reads a question and what the bot would reply.</summary>
internal static class AskCommand
{
    private const string GenericFallback = "Sorry, I can't help with that here. Please call the clinic or ask the care team.";

    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var staff = new Option<bool>("--staff") { Description = "Answer as on the staff channel (staff-only answers allowed)." };
        var command = new Command("ask", "Classify one question: top three intents, thresholds, and the reply the bot would give.");
        common.AddTo(command);
        command.Arguments.Add(question);
        command.Options.Add(staff);
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(
            context, common.DataFolder(result), common.ModelFolder(result), result.GetValue(question) ?? string.Empty,
            result.GetValue(staff) ? FaqView.Staff : FaqView.Public, cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string dataFolder, string modelFolder, string question, FaqView view, CancellationToken cancellationToken)
    {
        var loaded = ModelLoading.LoadOrTrain(context, dataFolder, modelFolder, cancellationToken);
        if (loaded is null)
        {
            return ExitCodes.Failed;
        }

        using var classifier = loaded.Classifier;
        var prediction = classifier.Classify(question);
        var decision = IntentDecisions.Decide(prediction);
        var console = context.CreateConsole();
        var table = new Table().Title("Top intents").AddColumns("#", "Intent", "Score", "Title");
        for (var i = 0; i < prediction.Top.Count; i++)
        {
            var score = prediction.Top[i];
            table.AddRow(new Text((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(score.Intent),
                new Text(Format.Score(score.Score)), new Text(loaded.Catalog.Find(score.Intent)?.Title ?? string.Empty));
        }

        console.Write(table);
        var t = prediction.Thresholds;
        context.Output.WriteLine($"Thresholds: answer ≥ {Format.Score(t.Answer)}, did-you-mean ≥ {Format.Score(t.Clarify)} (model {prediction.ModelVersion[..Math.Min(12, prediction.ModelVersion.Length)]}).");
        WriteReply(context.Output, loaded.Catalog, prediction, decision, view);
        return ExitCodes.Ok;
    }

    private static void WriteReply(TextWriter output, FaqCatalog catalog, IntentPrediction prediction, IntentDecision decision, FaqView view)
    {
        var best = catalog.Find(prediction.Best.Intent, view);
        if (decision is IntentDecision.Answer or IntentDecision.Referral && best is null)
        {
            decision = IntentDecision.Fallback; // Staff-only answer on a public channel, or an intent the data no longer has.
        }

        output.WriteLine($"Decision: {decision}");
        switch (decision)
        {
            case IntentDecision.Answer:
                output.WriteLine($"Reply ({best!.Id}):");
                output.WriteLine(best.Answer);
                break;
            case IntentDecision.Referral:
                output.WriteLine($"Reply (clinician referral, {best!.Id}):");
                output.WriteLine(best.Answer);
                break;
            case IntentDecision.Clarify:
                var options = prediction.Top.Take(2).Select(s => catalog.Find(s.Intent, view)).OfType<FaqEntry>()
                    .Where(e => e.Kind != IntentKind.OutOfScope).Select(e => $"\"{e.Title}\"");
                output.WriteLine($"Reply: Did you mean {string.Join(" or ", options)}?");
                break;
            default:
                output.WriteLine("Reply (fallback):");
                output.WriteLine(catalog.Find(FaqEntry.OutOfScopeId)?.Answer ?? GenericFallback);
                break;
        }
    }
}
