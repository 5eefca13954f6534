using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Chatbot.Hosting;

/// <summary>
/// Per-IP limit on anonymous token issuance and conversation starts, so a script cannot fill the transcript store.
/// Polling and posting have their own per-conversation limits in the Direct Line server.
/// </summary>
public static class ConversationStartRateLimiting
{
    /// <summary>Configuration key of the limit.</summary>
    public const string ConfigurationKey = "Chatbot:RateLimits:ConversationStartsPerMinutePerIp";

    /// <summary>Adds the limiter (default 30 starts per minute per client address).</summary>
    public static IServiceCollection AddConversationStartRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsConversationStart(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(ConfigurationKey, 30),
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });
        return services;
    }

    private static bool IsConversationStart(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.StartsWithSegments("/v3/directline", out var rest)
        && (rest.Equals("/tokens/generate", StringComparison.OrdinalIgnoreCase) || rest.Equals("/conversations", StringComparison.OrdinalIgnoreCase));
}
