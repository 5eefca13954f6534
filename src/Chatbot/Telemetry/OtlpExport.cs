using Microsoft.Extensions.Configuration;

namespace Chatbot.Telemetry;

/// <summary>
/// Whether telemetry leaves the process, decided by the standard OpenTelemetry environment variables (read through
/// configuration, so <c>appsettings</c> keys of the same names work too). Off unless one of them asks for OTLP.
/// </summary>
internal static class OtlpExport
{
    private static readonly string[] Signals = ["TRACES", "METRICS", "LOGS"];

    /// <summary>
    /// True when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or a signal's <c>OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT</c>
    /// is set, or a signal's <c>OTEL_{TRACES,METRICS,LOGS}_EXPORTER</c> names <c>otlp</c>; false when
    /// <c>OTEL_SDK_DISABLED</c> is <c>true</c>.
    /// </summary>
    public static bool IsRequested(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (IsSdkDisabled(configuration))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return true;
        }

        foreach (var signal in Signals)
        {
            if (!string.IsNullOrWhiteSpace(configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"])
                || (configuration[$"OTEL_{signal}_EXPORTER"] ?? string.Empty)
                    .Split(',', StringSplitOptions.TrimEntries).Contains("otlp", StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <c>OTEL_SDK_DISABLED</c> is <c>true</c>: no OpenTelemetry at all.</summary>
    public static bool IsSdkDisabled(IConfiguration configuration) =>
        string.Equals(configuration["OTEL_SDK_DISABLED"]?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
