using Chatbot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Direct Line 3.0 endpoints that Bot Framework Web Chat and directlinejs call.</summary>
public static class DirectLineEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>: <c>POST tokens/generate</c>, <c>POST tokens/refresh</c>,
    /// <c>POST conversations</c>, <c>GET conversations/{id}</c>, <c>POST|GET conversations/{id}/activities</c>,
    /// <c>POST conversations/{id}/upload</c>, and CORS preflights. Needs <c>AddDirectLine()</c>. No WebSocket stream is
    /// offered: clients must poll (<c>webSocket: false</c>).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The route prefix; clients use <c>{origin}{prefix}</c> as their Direct Line <c>domain</c>.</param>
    /// <returns>The route group, for further conventions (rate limiting, metadata).</returns>
    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder endpoints, string prefix = "/v3/directline")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var group = endpoints.MapGroup(prefix).ExcludeFromDescription();
        group.AddEndpointFilter(DirectLineEndpointFilter.InvokeAsync);

        group.MapMethods("/{**path}", [HttpMethods.Options], (HttpContext context, DirectLineCors cors) => cors.Preflight(context));
        group.MapPost("/tokens/generate", DirectLineTokenEndpoints.GenerateAsync);
        group.MapPost("/tokens/refresh", DirectLineTokenEndpoints.Refresh);
        group.MapPost("/conversations", DirectLineConversationEndpoints.StartAsync);
        group.MapGet("/conversations/{conversationId}", DirectLineConversationEndpoints.ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", DirectLineActivityEndpoints.PostAsync);
        group.MapGet("/conversations/{conversationId}/activities", DirectLineActivityEndpoints.PollAsync);
        group.MapPost("/conversations/{conversationId}/upload", DirectLineUploadEndpoint.UploadAsync);
        return group;
    }
}
