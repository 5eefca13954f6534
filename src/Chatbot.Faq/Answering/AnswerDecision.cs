using Chatbot.Faq.Dataset;

namespace Chatbot.Faq.Answering;

/// <summary>What the bot will do with a question.</summary>
public enum AnswerKind
{
    /// <summary>Give the entry's approved answer (FAQ or small talk).</summary>
    Answer,

    /// <summary>Ask "Did you mean…?" with the candidates as buttons.</summary>
    Clarify,

    /// <summary>Say honestly that it can't answer, and offer booking and a person.</summary>
    Fallback,

    /// <summary>Refer to a clinician: personal dosing, interactions, pregnancy, suitability.</summary>
    ClinicianReferral,

    /// <summary>The patient wants an appointment.</summary>
    Booking,

    /// <summary>The patient wants a person.</summary>
    Handoff,
}

/// <summary>The decision, the entry it is about, and the candidates for a clarification.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Entry">The entry answered (null for fallback and clarification).</param>
/// <param name="Candidates">The options of a clarification, or the runners-up offered as buttons beside an answer.</param>
public sealed record AnswerDecision(AnswerKind Kind, FaqEntry? Entry, IReadOnlyList<FaqEntry> Candidates)
{
    /// <summary>A fallback.</summary>
    public static AnswerDecision Fallback { get; } = new(AnswerKind.Fallback, null, []);
}
