using Chatbot.Faq.Classification;
using Chatbot.Faq.Dataset;
using Microsoft.Extensions.Options;

namespace Chatbot.Faq.Answering;

/// <summary>
/// Turns the classifier's top three into what the bot does. A confident wrong answer is the worst outcome, so
/// anything short of confident and clear becomes a question back or an honest fallback.
/// </summary>
public sealed class AnswerPolicy(IOptions<AnswerPolicyOptions> options)
{
    private readonly AnswerPolicyOptions _options = options.Value;

    /// <summary>Decides for a prediction; <paramref name="staffAudience"/> allows staff-only entries.</summary>
    public AnswerDecision Decide(IntentPrediction prediction, FaqKnowledge knowledge, bool staffAudience)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(knowledge);

        // Entries the audience may not see are treated as if the model had not suggested them at all.
        var visible = prediction.Top
            .Select(score => (Score: score.Score, Entry: knowledge.Find(score.Intent)))
            .Where(x => x.Entry is not null && (staffAudience || x.Entry.IsPublic))
            .Select(x => (x.Score, Entry: x.Entry!))
            .ToList();
        var thresholds = prediction.Thresholds;
        var best = prediction.Best;
        var bestEntry = knowledge.Find(best.Intent);

        // Personal medical questions go to a clinician whatever the confidence: never a guess at an answer.
        if (bestEntry?.Kind == IntentKind.Clinician)
        {
            return For(bestEntry);
        }

        var clinicianRunnerUp = visible.Skip(1).FirstOrDefault(x => x.Entry.Kind == IntentKind.Clinician);
        if (clinicianRunnerUp.Entry is not null && clinicianRunnerUp.Score >= thresholds.Clarify && best.Score < thresholds.Answer)
        {
            return For(clinicianRunnerUp.Entry);
        }

        if (bestEntry is null || bestEntry.Kind == IntentKind.OutOfScope || prediction.IsOutOfScope || best.Score < thresholds.Clarify
            || !(staffAudience || bestEntry.IsPublic))
        {
            return AnswerDecision.Fallback;
        }

        var second = visible.Skip(1).FirstOrDefault(x => x.Entry.Kind != IntentKind.OutOfScope);
        var margin = second.Entry is null ? best.Score : best.Score - second.Score;
        if (best.Score >= thresholds.Answer && margin >= _options.MinimumMargin)
        {
            return For(bestEntry);
        }

        // Asking to book or for a person is cheap to undo (cancel is one word), so a plausible request starts it.
        if (bestEntry.Kind is IntentKind.Booking or IntentKind.Handoff && margin >= _options.MinimumMargin)
        {
            return For(bestEntry);
        }

        // One plausible candidate with a clear lead (no runner-up near it) is answered rather than asked about; the
        // runners-up come along as buttons. Only the full model decides this (never the fast or degraded stage).
        if (prediction.Stage == ClassifierStage.Full && bestEntry.Kind == IntentKind.Faq
            && best.Score >= _options.ClearLeadMinimum && margin >= _options.ClearLeadMargin)
        {
            var alternatives = visible.Skip(1)
                .Where(x => x.Entry.Kind is IntentKind.Faq && x.Score >= thresholds.Clarify / 2)
                .Select(x => x.Entry)
                .ToList();
            return new AnswerDecision(AnswerKind.Answer, bestEntry, alternatives);
        }

        var candidates = visible
            .Where(x => x.Entry.Kind is not (IntentKind.OutOfScope or IntentKind.Clinician) && x.Score >= thresholds.Clarify / 2)
            .Select(x => x.Entry)
            .Take(3)
            .ToList();
        return candidates.Count == 0 ? AnswerDecision.Fallback : new AnswerDecision(AnswerKind.Clarify, null, candidates);
    }

    /// <summary>The decision for an entry chosen with certainty (a button click or an exact known question).</summary>
    public static AnswerDecision For(FaqEntry entry) => entry.Kind switch
    {
        IntentKind.Clinician => new AnswerDecision(AnswerKind.ClinicianReferral, entry, []),
        IntentKind.Booking => new AnswerDecision(AnswerKind.Booking, entry, []),
        IntentKind.Handoff => new AnswerDecision(AnswerKind.Handoff, entry, []),
        IntentKind.OutOfScope => new AnswerDecision(AnswerKind.Fallback, entry, []),
        _ => new AnswerDecision(AnswerKind.Answer, entry, []),
    };
}
