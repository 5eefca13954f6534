using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.Integration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Bot Framework messaging endpoint.</summary>
public static class BotFrameworkEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c> to <see cref="CloudAdapter.ProcessAsync"/> with the <see cref="IBot"/> resolved from
    /// the request's services (register it with any lifetime). Requires <c>AddBotFramework()</c>.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route.</param>
    /// <returns>The endpoint builder, e.g. to add rate limiting or a name.</returns>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.MapPost(pattern, ProcessAsync).WithDisplayName("Bot Framework messages");
    }

    private static Task ProcessAsync(HttpContext context)
    {
        var adapter = context.RequestServices.GetRequiredService<CloudAdapter>();
        var bot = context.RequestServices.GetRequiredService<IBot>();
        return adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
    }
}
