using System.Diagnostics.Metrics;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Safety;

namespace Chatbot.Patients;

/// <summary>
/// The bot's counters (System.Diagnostics.Metrics, meter <c>Chatbot</c>): what was decided and how often the safety
/// gate fired. Tags are kinds and layers only, never text.
/// </summary>
public static class ChatbotMetrics
{
    /// <summary>The meter name, for OpenTelemetry and <c>dotnet-counters</c>.</summary>
    public const string MeterName = "Chatbot";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> GateFirings = Meter.CreateCounter<long>("chatbot.safety_gate.fired", description: "Messages on which the safety gate fired");
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("chatbot.decisions", description: "Answer decisions by kind and classifier stage");

    /// <summary>Counts a gate firing by risk, layer and language.</summary>
    public static void SafetyGateFired(SafetyAssessment safety)
    {
        ArgumentNullException.ThrowIfNull(safety);
        GateFirings.Add(1, new("risk", safety.Risk.ToString()), new("layer", safety.Layer.ToString()), new("spanish", safety.Spanish));
    }

    /// <summary>Counts an answer decision.</summary>
    public static void Decided(AnswerKind kind, ClassifierStage? stage) =>
        Decisions.Add(1, new("kind", kind.ToString()), new("stage", stage?.ToString() ?? "fixed"));
}
