using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chatbot.Hosting;

/// <summary>
/// The public endpoints' limits, with ASP.NET Core's rate limiting middleware: Direct Line conversation starts per
/// client address, posted messages per conversation and per client address, and staff sign-ins per client address. Rejections are 429 with <c>Retry-After</c>
/// and Direct Line's error body.
/// </summary>
/// <remarks>
/// Polling (<c>GET …/activities</c>) is never limited here: directlinejs stops polling for good after a single 429,
/// so the Direct Line server's own, generous per-conversation poll limit is the only one that applies to it. The client
/// address is the forwarded one only when the request came through a configured proxy (see <c>ForwardedHeaders</c>).
/// </remarks>
public static class ChatbotRateLimiting
{
    private const string DirectLinePrefix = "/v3/directline";
    private const string SignInPath = "/staff/signin";

    /// <summary>Adds the limiter (options under <see cref="RateLimitOptions.SectionName"/>).</summary>
    public static IServiceCollection AddChatbotRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(PerClientAddress),
                PartitionedRateLimiter.Create<HttpContext, string>(PerConversation));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClientAddress(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return Classify(context.Request, out _) switch
        {
            RequestKind.ConversationStart => Window("start:" + address, limits.ConversationStartsPerMinutePerIp),
            RequestKind.Message => Window("message:" + address, limits.MessagesPerMinutePerIp),
            RequestKind.SignIn => Window("signin:" + address, limits.SignInsPerMinutePerIp),
            _ => RateLimitPartition.GetNoLimiter(string.Empty),
        };
    }

    private static RateLimitPartition<string> PerConversation(HttpContext context)
    {
        // The conversation id comes from the path, before the token is checked: ids are 128-bit random, so nobody can
        // use up another patient's allowance without already holding their conversation's id.
        if (Classify(context.Request, out var conversationId) != RequestKind.Message)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return Window("conversation:" + conversationId, limits.MessagesPerMinutePerConversation);
    }

    private static RateLimitPartition<string> Window(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static RequestKind Classify(HttpRequest request, out string? conversationId)
    {
        conversationId = null;
        if (!HttpMethods.IsPost(request.Method))
        {
            return RequestKind.Other;
        }

        if (request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(SignInPath + "/", StringComparison.OrdinalIgnoreCase))
        {
            return RequestKind.SignIn;
        }

        if (!request.Path.StartsWithSegments(DirectLinePrefix, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return RequestKind.Other;
        }

        if (rest.Equals("/tokens/generate", StringComparison.OrdinalIgnoreCase) || rest.Equals("/conversations", StringComparison.OrdinalIgnoreCase))
        {
            return RequestKind.ConversationStart;
        }

        // /conversations/{id}/activities or /conversations/{id}/upload
        var segments = (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 3 && segments[0].Equals("conversations", StringComparison.OrdinalIgnoreCase)
            && (segments[2].Equals("activities", StringComparison.OrdinalIgnoreCase) || segments[2].Equals("upload", StringComparison.OrdinalIgnoreCase)))
        {
            conversationId = segments[1];
            return RequestKind.Message;
        }

        return RequestKind.Other;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (Classify(context.HttpContext.Request, out _) == RequestKind.SignIn)
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"Too many sign-in attempts from this address. Please wait {seconds} seconds and try again.", cancellationToken);
            return;
        }

        await response.WriteAsJsonAsync(
            new { error = new { code = "TooManyRequests", message = "Too many requests; please wait a moment and try again." } },
            cancellationToken);
    }

    private enum RequestKind
    {
        Other,
        ConversationStart,
        Message,
        SignIn,
    }
}
