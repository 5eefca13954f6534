using Chatbot.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using BotMiddleware = Chatbot.BotFramework.Builder.IMiddleware;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the bot's observability: metrics, the turn span, and OpenTelemetry.</summary>
public static class ChatbotTelemetryExtensions
{
    /// <summary>The service name reported when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "clinic-chatbot";

    /// <summary>
    /// Database client sources and meters. Npgsql (8 and later) emits its own <c>Npgsql</c> activity source and meter,
    /// so the PostgreSQL provider is traced as soon as it is used, with no change here. REVIEW: a provider that needs
    /// options (Npgsql.OpenTelemetry's <c>AddNpgsql(…)</c>) registers them next to itself with
    /// <c>services.ConfigureOpenTelemetryTracerProvider(…)</c>; SQLite (Microsoft.Data.Sqlite) emits no spans.
    /// </summary>
    public static readonly IReadOnlyList<string> DatabaseSources = ["Npgsql"];

    private static readonly string[] ProbePaths = ["/healthz", "/readyz"];

    /// <summary>
    /// Adds <see cref="ChatbotMetrics"/> (meter <c>Chatbot</c>), the <see cref="TurnTelemetryMiddleware"/> (span
    /// <c>chatbot.turn</c> of the <see cref="ChatbotTracing"/> source), and OpenTelemetry tracing and metrics for them,
    /// ASP.NET Core, HttpClient and the database client. Telemetry is exported by OTLP only when the standard
    /// <c>OTEL_*</c> variables ask for it (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, …; see <c>deploy/README.md</c>); then
    /// logs are exported too, with the same levels and the same content as the console's (never message text).
    /// </summary>
    public static IHostApplicationBuilder AddChatbotTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatbotMetrics>();

        // First middleware of the turn: the span covers everything else, including the turn-error handler's reply.
        services.AddSingleton<BotMiddleware, TurnTelemetryMiddleware>();

        if (OtlpExport.IsSdkDisabled(builder.Configuration))
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName))
            .WithTracing(tracing => tracing
                .AddSource(ChatbotTracing.SourceName)
                .AddSource([.. DatabaseSources])
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !ProbePaths.Contains(context.Request.Path.Value, StringComparer.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = (span, request) =>
                {
                    // Outbound addresses without their path: a webhook URL's path often carries a token.
                    if (request.RequestUri is { IsAbsoluteUri: true } uri)
                    {
                        span.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority));
                    }
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(ChatbotMetrics.MeterName)
                .AddMeter([.. DatabaseSources])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        if (OtlpExport.IsRequested(builder.Configuration))
        {
            telemetry.WithLogging(configureBuilder: null, configureOptions: options => options.IncludeScopes = true);
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
