using System.Net;
using Chatbot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Security;

/// <summary>Issue 12, finding 7: HSTS outside Development; error responses keep CSP and nosniff.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.FailingFactory factory) : IClassFixture<SecurityHeadersTests.FailingFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    public async Task HttpsResponsesCarryHstsOutsideDevelopment(string path)
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://clinic.example") });
        using var response = await client.GetAsync(path);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), $"{path}: no HSTS");
        Assert.Contains("max-age=31536000", Assert.Single(values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentSendsNoHsts()
    {
        await using var development = new DevelopmentFactory();
        using var client = development.CreateClient(new() { BaseAddress = new Uri("https://clinic.example") });
        using var response = await client.GetAsync("/healthz");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task AnUnhandledErrorKeepsCspAndNosniff()
    {
        using var response = await factory.CreateClient().GetAsync("/test/throw");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("default-src 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.DoesNotContain("ClinicOptions are broken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The real host (Testing environment) with one extra path at the end of its pipeline that throws.</summary>
    public sealed class FailingFactory : ChatbotAppFactory
    {
        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new ThrowingPath());
    }

    private sealed class ThrowingPath : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == "/test/throw"
                ? throw new InvalidOperationException("ClinicOptions are broken")
                : nextMiddleware());
        };
    }

    private sealed class DevelopmentFactory : ChatbotAppFactory
    {
        protected override string EnvironmentName => "Development";
    }
}
