using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chatbot.Health;

/// <summary>
/// The bodies of <c>/healthz</c> and <c>/readyz</c>, as they were before the checks moved to <c>AddHealthChecks</c>:
/// <c>{"status":"alive"}</c>, and the readiness status with each check's figures flattened beside it. No exception
/// text: the endpoints are public.
/// </summary>
internal static class HealthResponses
{
    public static Task WriteLivenessAsync(HttpContext context, HealthReport report) =>
        WriteAsync(context, writer => writer.WriteString("status", "alive"));

    public static Task WriteReadinessAsync(HttpContext context, HealthReport report) =>
        WriteAsync(context, writer =>
        {
            writer.WriteString("status", report.Status switch
            {
                HealthStatus.Healthy => "ready",
                HealthStatus.Degraded => "degraded",
                _ => "not ready",
            });

            foreach (var (_, entry) in report.Entries)
            {
                foreach (var (key, value) in entry.Data)
                {
                    if (value is int number)
                    {
                        writer.WriteNumber(key, number);
                    }
                    else
                    {
                        writer.WriteString(key, value?.ToString());
                    }
                }
            }

            writer.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                writer.WriteString(name, entry.Status.ToString());
            }

            writer.WriteEndObject();
        });

    private static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        body(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
