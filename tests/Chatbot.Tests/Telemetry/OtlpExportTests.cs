using Chatbot.Telemetry;
using Microsoft.Extensions.Configuration;

namespace Chatbot.Tests.Telemetry;

/// <summary>The OTLP exporter is on only when the standard OTEL_* variables ask for it.</summary>
public sealed class OtlpExportTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317", true)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", " ", false)]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces", true)]
    [InlineData("OTEL_METRICS_EXPORTER", "otlp", true)]
    [InlineData("OTEL_TRACES_EXPORTER", "console, OTLP", true)]
    [InlineData("OTEL_LOGS_EXPORTER", "none", false)]
    [InlineData("OTEL_SERVICE_NAME", "clinic-a", false)]
    public void ExportIsRequestedBy(string? key, string? value, bool expected)
    {
        var settings = key is null ? [] : new Dictionary<string, string?> { [key] = value };
        Assert.Equal(expected, OtlpExport.IsRequested(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    [Fact]
    public void TheSdkSwitchTurnsExportOff()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4317",
            ["OTEL_SDK_DISABLED"] = "true",
        }).Build();
        Assert.False(OtlpExport.IsRequested(configuration));
    }
}
