using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chatbot.EndToEndTests.Infrastructure;

/// <summary>
/// A clinic's own website on another origin (its own loopback port): one page with some content and the one-line
/// embed tag pointing at the bot. Started before the bot, so the bot's allowed embedding origins can name it.
/// </summary>
public sealed class ClinicWebsite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ClinicWebsite(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The site's origin, e.g. <c>http://127.0.0.1:41235</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Where the page's script tag points (the bot), set once the bot has started.</summary>
    public Uri? BotUrl { get; set; }

    /// <summary>The site's origin as browsers send it.</summary>
    public string Origin => BaseUrl.GetLeftPart(UriPartial.Authority);

    public static async Task<ClinicWebsite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ClinicWebsite? site = null;
        app.MapGet("/", (HttpContext context) =>
        {
            // A strict site of its own: only the bot's origin may add scripts and frames (what the README asks clinics to allow).
            var bot = site!.BotUrl!.GetLeftPart(UriPartial.Authority);
            context.Response.Headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self' {bot}; frame-src {bot}; style-src 'self'; img-src 'self' data:";
            return Results.Content(Page(bot), "text/html; charset=utf-8");
        });
        await app.StartAsync();
        site = new ClinicWebsite(app, new Uri(app.Urls.First()));
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Page(string bot) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Lakeside Pain Clinic</title>
          <link rel="icon" href="data:,">
        </head>
        <body>
          <header><h1>Lakeside Pain Clinic</h1></header>
          <main>
            <h2>Ketamine infusion therapy</h2>
            <p>Our clinic offers ketamine infusions for chronic pain. Questions? Use the chat button.</p>
            <p><a href="/contact">Contact us</a></p>
          </main>
          <script src="{{bot}}/embed.js" data-title="Questions? Chat with us" data-color="#00515f" defer></script>
        </body>
        </html>
        """;
}
