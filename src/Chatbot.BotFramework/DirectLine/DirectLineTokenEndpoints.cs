using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>Handlers of <c>POST /tokens/generate</c> and <c>POST /tokens/refresh</c>.</summary>
internal static class DirectLineTokenEndpoints
{
    /// <summary>
    /// Issues a token for a new conversation (not started yet). With the secret, the body's <c>user.id</c> is bound
    /// into the token; without it (a page of this site, see <see cref="DirectLineRequest.IsFromOwnOrAllowedPage"/>),
    /// a fresh random <c>dl_</c> user id is, so no page can speak for a user id it chose.
    /// </summary>
    public static async Task<IResult> GenerateAsync(
        HttpContext context, DirectLineTokenService tokens, DirectLineCors cors, IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        var caller = DirectLineCaller.From(context.Request, settings.Secret, tokens);
        string userId;
        if (caller.IsSecret)
        {
            var body = await DirectLineRequest.ReadBodyAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
            if (body is null)
            {
                return DirectLineResult.TooLarge("The request body is too large.");
            }

            var requested = DirectLineRequest.ParseUserId(body);
            if (requested is not null && !DirectLineRequest.IsValidUserId(requested))
            {
                return DirectLineResult.BadArgument("user.id must be 1 to 256 characters without control characters.");
            }

            userId = requested ?? DirectLineTokenService.NewUserId();
        }
        else if (caller.IsInvalid || caller.Token is not null || !settings.AllowAnonymousTokens
            || !DirectLineRequest.IsFromOwnOrAllowedPage(context.Request, settings, cors))
        {
            return DirectLineResult.Forbidden("Tokens are issued to the secret holder and to this site's own pages only.");
        }
        else
        {
            userId = DirectLineTokenService.NewUserId();
        }

        var conversationId = DirectLineTokenService.NewId();
        return DirectLineResult.Ok(Conversation(tokens, conversationId, userId));
    }

    /// <summary>Exchanges a valid token for a new one for the same conversation and user.</summary>
    public static IResult Refresh(HttpContext context, DirectLineTokenService tokens, IOptions<DirectLineOptions> options)
    {
        var caller = DirectLineCaller.From(context.Request, options.Value.Secret, tokens);
        return caller.Token is { } token
            ? DirectLineResult.Ok(Conversation(tokens, token.ConversationId, token.UserId))
            : DirectLineResult.Forbidden("A valid, unexpired token is required.");
    }

    /// <summary>The conversation body with a new token bound to <paramref name="conversationId"/>.</summary>
    public static ConversationResponse Conversation(DirectLineTokenService tokens, string conversationId, string? userId) => new()
    {
        ConversationId = conversationId,
        Token = tokens.Issue(conversationId, userId),
        ExpiresIn = (int)tokens.Lifetime.TotalSeconds,
    };
}
