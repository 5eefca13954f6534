namespace Chatbot.Tests.Telemetry;

/// <summary>
/// Spans of the static <c>Chatbot</c> source and the ASP.NET Core diagnostics reach every host's tracer provider in
/// the process: these classes run alone, so what a test captures comes from its own host.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (runs alone)";
}
