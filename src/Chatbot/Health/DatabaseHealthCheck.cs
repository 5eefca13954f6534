using Chatbot.Patients.Booking;
using Chatbot.Clinic.Conversations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Chatbot.Health;

/// <summary>
/// The database, through a store port (so every provider is checked the same way): unhealthy when a read fails,
/// degraded while booking requests the store refused wait in memory for a retry. A read that takes longer than
/// <see cref="HealthOptions.DatabaseProbeTimeout"/> counts as unreachable.
/// </summary>
public sealed class DatabaseHealthCheck(
    IConversationStateStore states,
    PendingBookingQueue pendingBookings,
    IOptions<HealthOptions> options,
    TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>The conversation key read by the probe (never written).</summary>
    public const string ProbeKey = "readyz-probe";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var unsaved = pendingBookings.Count;
        using var timeout = new CancellationTokenSource(options.Value.DatabaseProbeTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await states.ReadAsync(ProbeKey, linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: the response is public (docs/security.md).
            return HealthCheckResult.Unhealthy("The database is unreachable: " + ex.GetType().Name, data: Data("unreachable", unsaved));
        }

        return unsaved > 0
            ? HealthCheckResult.Degraded($"{unsaved} booking request(s) wait in memory for the database", data: Data("reachable", unsaved))
            : HealthCheckResult.Healthy("The database is reachable", Data("reachable", unsaved));
    }

    private static Dictionary<string, object> Data(string storage, int unsaved) =>
        new() { ["storage"] = storage, ["unsavedBookingRequests"] = unsaved };
}
