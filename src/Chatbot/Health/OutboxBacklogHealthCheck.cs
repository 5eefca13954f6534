using Chatbot.Clinic.Notifications;
using Chatbot.Staff.Notifications;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Chatbot.Health;

/// <summary>
/// The staff notification outbox: degraded when <see cref="HealthOptions.OutboxBacklogDegradedAt"/> or more
/// notifications wait while a delivery channel is configured (the webhook or Teams is failing); healthy otherwise.
/// </summary>
public sealed class OutboxBacklogHealthCheck(INotificationOutbox outbox, IEnumerable<INotificationChannel> channels, IOptions<HealthOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var threshold = options.Value.OutboxBacklogDegradedAt;

        // Counting stops at the threshold: the check's cost does not grow with the backlog.
        var waiting = (await outbox.PendingAsync(threshold, cancellationToken)).Count;
        var delivering = channels.Any(c => c.IsConfigured);
        var data = new Dictionary<string, object>
        {
            ["outboxWaiting"] = waiting >= threshold ? $"{threshold} or more" : waiting.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["outboxDelivery"] = delivering ? "configured" : "none (stored only)",
        };
        return delivering && waiting >= threshold
            ? HealthCheckResult.Degraded($"{threshold} or more staff notifications are waiting for delivery", data: data)
            : HealthCheckResult.Healthy("The staff notification outbox is draining", data);
    }
}
