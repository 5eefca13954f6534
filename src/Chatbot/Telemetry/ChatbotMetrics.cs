using System.Diagnostics;
using System.Diagnostics.Metrics;
using Chatbot.Faq.Answering;
using Chatbot.Faq.Classification;
using Chatbot.Faq.Publishing;
using Chatbot.Faq.Safety;

namespace Chatbot.Telemetry;

/// <summary>
/// The bot's instruments (System.Diagnostics.Metrics, meter <c>Chatbot</c>, created by the host's
/// <see cref="IMeterFactory"/>): turns, what was decided, safety-gate firings, fallbacks, booking requests,
/// classification latency and FAQ publish results. Tags are kinds, layers and channels only, never text.
/// </summary>
public sealed class ChatbotMetrics
{
    /// <summary>The meter name, for OpenTelemetry and <c>dotnet-counters</c>.</summary>
    public const string MeterName = "Chatbot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _gateFirings;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _bookingRequests;
    private readonly Histogram<double> _classificationDuration;
    private readonly Counter<long> _publishes;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public ChatbotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("chatbot.turns", unit: "{turn}", description: "Bot turns by activity type and channel");
        _turnDuration = meter.CreateHistogram<double>("chatbot.turn.duration", unit: "s", description: "Time to handle one bot turn");
        _gateFirings = meter.CreateCounter<long>("chatbot.safety_gate.fired", description: "Messages on which the safety gate fired");
        _decisions = meter.CreateCounter<long>("chatbot.decisions", description: "Answer decisions by kind and classifier stage");
        _fallbacks = meter.CreateCounter<long>("chatbot.fallbacks", description: "Messages the bot could not answer (fallback) or asked about (clarify)");
        _bookingRequests = meter.CreateCounter<long>("chatbot.booking.requests", description: "Booking requests by how they were kept (saved, or pending a retry) and made (chat or link)");
        _classificationDuration = meter.CreateHistogram<double>("chatbot.classification.duration", unit: "s", description: "Time to decide one message (exact matches, classifier, answer policy)");
        _publishes = meter.CreateCounter<long>("chatbot.faq.publishes", description: "FAQ publishes, verifications and rollbacks by outcome");
    }

    /// <summary>Counts a finished turn and its duration.</summary>
    public void Turn(string activityType, string channel, TimeSpan duration, bool failed)
    {
        var tags = new TagList { { "activity_type", activityType }, { "channel", channel }, { "failed", failed } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Counts a gate firing by risk, layer and language.</summary>
    public void SafetyGateFired(SafetyAssessment safety)
    {
        ArgumentNullException.ThrowIfNull(safety);
        _gateFirings.Add(1, new("risk", safety.Risk.ToString()), new("layer", safety.Layer.ToString()), new("spanish", safety.Spanish));
    }

    /// <summary>Counts an answer decision, and a fallback or clarification among them.</summary>
    public void Decided(AnswerKind kind, ClassifierStage? stage)
    {
        var stageName = stage?.ToString() ?? "fixed";
        _decisions.Add(1, new("kind", kind.ToString()), new("stage", stageName));
        if (kind is AnswerKind.Fallback or AnswerKind.Clarify)
        {
            _fallbacks.Add(1, new("kind", kind.ToString()), new("stage", stageName));
        }
    }

    /// <summary>Records how long deciding one message took.</summary>
    public void Classified(TimeSpan duration, ClassifierStage? stage) =>
        _classificationDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("stage", stage?.ToString() ?? "fixed"));

    /// <summary>Counts a booking request: saved to the store, or kept in memory for a retry.</summary>
    public void BookingRequested(bool saved, bool viaLink) =>
        _bookingRequests.Add(1, new("outcome", saved ? "saved" : "pending"), new("via", viaLink ? "link" : "chat"));

    /// <summary>Counts a publish, verification or rollback by its outcome.</summary>
    public void Published(PublishReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _publishes.Add(1, new("action", report.Action.ToString()), new("outcome", report.Outcome.ToString()), new("trigger", report.Trigger.ToString()));
    }
}
