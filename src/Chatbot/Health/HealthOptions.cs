using System.ComponentModel.DataAnnotations;

namespace Chatbot.Health;

/// <summary>Thresholds of the readiness checks (configuration section <c>Chatbot:Health</c>).</summary>
public sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chatbot:Health";

    /// <summary>
    /// Undelivered staff notifications at which <c>/readyz</c> reports the outbox as degraded (still 200: the bot
    /// answers patients, but staff are not hearing about bookings and hand-offs). Only counted while a delivery channel
    /// is configured; without one, notifications wait in the outbox by design.
    /// </summary>
    /// <value>The default is 25.</value>
    [Range(1, 1_000_000)]
    public int OutboxBacklogDegradedAt { get; set; } = 25;

    /// <summary>How long the database probe may take before the database counts as unreachable.</summary>
    /// <value>The default is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan DatabaseProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
