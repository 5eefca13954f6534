namespace Chatbot.Benchmarks.Load;

/// <summary>
/// The baseline: Kestrel with one minimal-API route, <c>POST /api/messages</c>, answering a fixed expectReplies body
/// (a reply the real bot gave), no logging, no middleware. The request body is left for Kestrel to drain.
/// </summary>
internal static class BareEndpoint
{
    public static async Task<WebApplication> StartAsync(byte[] responseBody, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0"],
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/messages", () => Results.Bytes(responseBody, "application/json; charset=utf-8"));
        await app.StartAsync(cancellationToken);
        return app;
    }
}
