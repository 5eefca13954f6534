using Chatbot.Faq.Safety;
using Chatbot.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chatbot.Health;

/// <summary>The FAQ model and the safety gate's learned layer: both loaded, or the instance is not ready.</summary>
public sealed class ModelsHealthCheck(FaqKnowledgeProvider knowledge, SafetyModelHolder safety) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = knowledge.Current;
        var model = current is null ? (knowledge.LoadError is null ? "loading" : "failed") : "loaded";
        var safetyModel = safety.Model is not null ? "loaded" : safety.LoadError is null ? "loading" : "failed (phrase rules only)";
        var data = new Dictionary<string, object> { ["model"] = model, ["safetyModel"] = safetyModel };
        if (current is not null)
        {
            data["modelVersion"] = current.Version;
        }

        return Task.FromResult(current is not null && safety.Model is not null
            ? HealthCheckResult.Healthy("The FAQ model and the safety model are loaded", data)
            : HealthCheckResult.Unhealthy($"FAQ model {model}, safety model {safetyModel}", data: data));
    }
}
