using System.CommandLine;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Safety;
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
        var decider = DeciderLoading.Load(context, loaded, modelFolder, cancellationToken);
        var knowledge = DeciderLoading.Knowledge(loaded);
        var decision = decider.Decide(question, knowledge, staffAudience: view == FaqView.Staff);
        var prediction = decision.Prediction ?? classifier.Classify(question);
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
        context.Output.WriteLine($"Thresholds: answer ≥ {Format.Score(t.Answer)}, did-you-mean ≥ {Format.Score(t.Clarify)} ({prediction.Stage} stage, model {prediction.ModelVersion[..Math.Min(12, prediction.ModelVersion.Length)]}).");
        var safety = decision.Safety;
        context.Output.WriteLine(safety.Risk == SafetyRisk.None
            ? $"Safety gate: nothing found (learned layer {Format.Score(safety.ModelScore)}, fires at {Format.Score(SafetyModel.Threshold)})."
            : $"Safety gate: {safety.Risk} ({safety.Layer}: {safety.Rule}; learned layer {Format.Score(safety.ModelScore)}){(safety.Spanish ? ", answered in Spanish" : string.Empty)}.");
        context.Output.WriteLine($"Decision: {decision.Outcome} ({decision.Source})");
        WriteReply(context.Output, decision, knowledge);
        return ExitCodes.Ok;
    }

    private static void WriteReply(TextWriter output, MessageDecision decision, FaqKnowledge knowledge)
    {
        if (decision.Safety.Risk != SafetyRisk.None)
        {
            output.WriteLine(decision.Safety.Risk == SafetyRisk.Crisis
                ? "Reply: the crisis message (988 Suicide & Crisis Lifeline, 911) first, and a person is offered."
                : decision.Safety.Risk == SafetyRisk.Poisoning
                    ? "Reply: the poisoning message (911 if in danger, Poison Control 1-800-222-1222) first."
                    : "Reply: the emergency message (call 911 now) first.");
            if (decision.Answer is null)
            {
                return;
            }

            output.WriteLine("Then the answer to the rest of the message:");
        }

        var answer = decision.Answer ?? AnswerDecision.Fallback;
        switch (answer.Kind)
        {
            case AnswerKind.Answer or AnswerKind.ClinicianReferral:
                output.WriteLine($"Reply ({answer.Kind}, {answer.Entry!.Id}):");
                output.WriteLine(answer.Entry.Answer);
                if (answer.Candidates.Count > 0)
                {
                    output.WriteLine($"Also offered: {string.Join(", ", answer.Candidates.Select(c => $"\"{c.Title}\""))}");
                }

                break;
            case AnswerKind.Booking:
                output.WriteLine("Reply: starts the booking dialog.");
                break;
            case AnswerKind.Handoff:
                output.WriteLine("Reply: hands the conversation to a person.");
                break;
            case AnswerKind.Clarify:
                output.WriteLine($"Reply: Did you mean {string.Join(" or ", answer.Candidates.Select(e => $"\"{e.Title}\""))}?");
                break;
            default:
                output.WriteLine("Reply (fallback):");
                output.WriteLine(answer.Entry?.Answer ?? knowledge.Find(FaqEntry.OutOfScopeId)?.Answer ?? GenericFallback);
                break;
        }

        if (decision.Also is { Entry: { } second })
        {
            output.WriteLine($"Then the second question ({second.Id}):");
            output.WriteLine(second.Answer);
        }
    }
}
