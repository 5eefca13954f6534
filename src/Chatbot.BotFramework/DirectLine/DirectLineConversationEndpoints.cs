using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>Handlers of <c>POST /conversations</c> (start) and <c>GET /conversations/{id}</c> (reconnect).</summary>
internal static class DirectLineConversationEndpoints
{
    /// <summary>
    /// Starts the token's conversation (or, with the secret, a new one): 201 the first time, after the bot has seen the
    /// <c>conversationUpdate</c> and its welcome is recorded; 200 when it already exists. Always returns a token,
    /// which directlinejs uses from then on.
    /// </summary>
    public static async Task<IResult> StartAsync(
        HttpContext context, DirectLineTokenService tokens, DirectLineConversationService conversations, IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        var caller = DirectLineCaller.From(context.Request, settings.Secret, tokens);
        if (!caller.IsAuthenticated)
        {
            return DirectLineResult.Forbidden();
        }

        var body = await DirectLineRequest.ReadBodyAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return DirectLineResult.TooLarge("The request body is too large.");
        }

        var requestedUser = DirectLineRequest.ParseUserId(body);
        var userId = caller.Token?.UserId ?? (DirectLineRequest.IsValidUserId(requestedUser) ? requestedUser : null);
        var conversationId = caller.Token?.ConversationId ?? DirectLineTokenService.NewId();
        var created = await conversations.StartAsync(
            conversationId, userId, DirectLineRequest.ServiceUrl(context.Request, settings), context.RequestAborted);
        var response = DirectLineTokenEndpoints.Conversation(tokens, conversationId, userId);
        return created ? DirectLineResult.Created(response) : DirectLineResult.Ok(response);
    }

    /// <summary>Reconnects to an existing conversation with a fresh token.</summary>
    public static async Task<IResult> ReconnectAsync(
        HttpContext context, string conversationId, DirectLineTokenService tokens, DirectLineConversationService conversations,
        IOptions<DirectLineOptions> options)
    {
        var caller = DirectLineCaller.From(context.Request, options.Value.Secret, tokens);
        if (!caller.CanAccess(conversationId))
        {
            return DirectLineResult.Forbidden();
        }

        if (await conversations.GetAsync(conversationId, context.RequestAborted) is null)
        {
            return DirectLineResult.NotFound();
        }

        return DirectLineResult.Ok(DirectLineTokenEndpoints.Conversation(tokens, conversationId, caller.Token?.UserId));
    }
}
