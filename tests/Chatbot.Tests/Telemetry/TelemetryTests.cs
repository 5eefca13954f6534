using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Chatbot.Telemetry;
using Chatbot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Chatbot.Tests.Telemetry;

/// <summary>Issue 14: a span per bot turn and the bot's metrics, tagged with what was decided and never with what was said.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IDisposable
{
    private const string Marker = "zebra";
    private readonly TracedHost _host = new();

    [Fact]
    public async Task EachTurnIsASpanTaggedWithTheDecisionNeverTheText()
    {
        _host.Services.GetRequiredService<TracerProvider>();
        var bot = new BotClient(_host.CreateClient());

        _host.Predict(("faq/infusion_duration", 0.95f));
        await bot.SayAsync($"{Marker} how long does an infusion take");
        await bot.SayAsync($"{Marker} I want to kill myself");

        var turns = _host.Spans.Where(s => s.OperationName == ChatbotTracing.TurnSpanName).ToList();
        var answered = Assert.Single(turns, s => (string?)s.GetTagItem("chatbot.decision") == "Answer");
        Assert.Equal("faq/infusion_duration", answered.GetTagItem("chatbot.intent"));
        Assert.Equal("message", answered.GetTagItem("chatbot.activity.type"));
        Assert.Equal("webchat", answered.GetTagItem("chatbot.channel"));
        var crisis = Assert.Single(turns, s => (string?)s.GetTagItem("chatbot.decision") == "Safety");
        Assert.Equal("Crisis", crisis.GetTagItem("chatbot.safety.risk"));

        // The turn runs inside the ASP.NET Core request span of /api/messages.
        var request = Assert.Single(_host.Spans, s => s.SpanId == answered.ParentSpanId);
        Assert.Equal("api/messages", ((string?)request.GetTagItem("http.route"))?.TrimStart('/'));

        foreach (var span in _host.Spans)
        {
            Assert.DoesNotContain(Marker, span.DisplayName, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(Marker, StringComparison.OrdinalIgnoreCase) == true);
            Assert.DoesNotContain(span.Events, e => e.Tags.Any(t => t.Value?.ToString()?.Contains(Marker, StringComparison.OrdinalIgnoreCase) == true));
        }
    }

    [Fact]
    public async Task TheBotCountsTurnsDecisionsFallbacksGateFiringsAndClassificationTime()
    {
        using var measurements = new MeasurementRecorder(_host.Services.GetRequiredService<IMeterFactory>());
        var bot = new BotClient(_host.CreateClient());

        _host.Predict(("faq/infusion_duration", 0.95f));
        await bot.SayAsync("how long does an infusion take");
        _host.Predict(("out_of_scope", 0.9f));
        await bot.SayAsync("what is the airspeed of a swallow");
        await bot.SayAsync("I want to kill myself");

        Assert.Equal(3, measurements.Sum("chatbot.turns", ("activity_type", "message"), ("channel", "webchat")));
        Assert.Equal(1, measurements.Sum("chatbot.decisions", ("kind", "Answer")));
        Assert.Equal(1, measurements.Sum("chatbot.decisions", ("kind", "Fallback")));
        Assert.Equal(1, measurements.Sum("chatbot.fallbacks", ("kind", "Fallback")));
        Assert.Equal(1, measurements.Sum("chatbot.safety_gate.fired", ("risk", "Crisis")));
        Assert.Equal(2, measurements.Count("chatbot.classification.duration"));
        Assert.Equal(3, measurements.Count("chatbot.turn.duration"));
    }

    [Fact]
    public void NothingIsExportedUnlessOtelVariablesAskForIt()
    {
        Assert.DoesNotContain(_host.Services.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);

        using var exporting = new TracedHost(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });
        Assert.Contains(exporting.Services.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);
        Assert.NotNull(exporting.Services.GetRequiredService<MeterProvider>());
    }

    public void Dispose() => _host.Dispose();

    private sealed class TracedHost(Dictionary<string, string?>? settings = null) : ScriptedClassifierFactory
    {
        public ConcurrentQueue<Activity> Spans { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // Host settings, as environment variables are: seen by Program before the app is built.
            foreach (var (key, value) in settings ?? [])
            {
                builder.UseSetting(key, value);
            }
        }

        protected override void ConfigureMoreServices(IServiceCollection services) =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new RecordingProcessor(Spans)));
    }

    private sealed class RecordingProcessor(ConcurrentQueue<Activity> spans) : OpenTelemetry.BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}
