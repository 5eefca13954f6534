using Chatbot.Staff;

namespace Chatbot.Hosting;

/// <summary>
/// Outside Development, a staff page reached over plain HTTP (a proxy that forwards without X-Forwarded-Proto, or an
/// extra http binding) gets a clear 400 instead of the anti-forgery system's 500: staff cookies are HTTPS-only.
/// </summary>
public sealed class StaffRequiresHttpsMiddleware(RequestDelegate next)
{
    /// <summary>Refuses plain-HTTP staff requests; passes everything else on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.IsHttps && context.Request.Path.StartsWithSegments(StaffAuthentication.BasePath, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The staff page is only available over HTTPS. If the site is behind a proxy, it must send X-Forwarded-Proto and be listed in Chatbot:ForwardedHeaders.");
            return;
        }

        await next(context);
    }
}
