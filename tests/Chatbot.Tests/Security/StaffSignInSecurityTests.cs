using System.Net;
using Chatbot.Tests.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Chatbot.Clinic.Staff;

namespace Chatbot.Tests.Security;

/// <summary>
/// Issue 12, finding 6: the lock-out message told which accounts exist, sign-in had no per-address throttle, a session
/// cookie kept working after sign-out, and production over plain HTTP answered 500 on /staff/signin.
/// </summary>
public sealed class StaffSignInSecurityTests
{
    [Fact]
    public async Task AnUnknownUserNameGetsTheSameLockOutAsARealAccount()
    {
        await using var factory = new StaffAppFactory();
        await factory.EnsureAccountAsync();
        using var client = factory.Client();

        var real = await FailFiveTimesAsync(client, StaffAppFactory.UserName);
        var unknown = await FailFiveTimesAsync(client, "bob");

        Assert.Equal(real.Select(r => r.Status), unknown.Select(r => r.Status));
        Assert.Equal(real.Select(r => r.Text.Replace(StaffAppFactory.UserName, "NAME", StringComparison.Ordinal)),
            unknown.Select(r => r.Text.Replace("bob", "NAME", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Forbidden, real[^1].Status);
    }

    [Fact]
    public async Task SignInsAreThrottledPerClientAddressBeforeThePasswordIsChecked()
    {
        await using var factory = new StaffAppFactory(settings: new Dictionary<string, string?> { ["Chatbot:RateLimits:SignInsPerMinutePerIp"] = "3" });
        await factory.EnsureAccountAsync();
        using var client = factory.Client();
        var token = await client.TokenAsync("/staff/signin");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync("/staff/signin", token, new() { ["UserName"] = "mallory" + i, ["Password"] = "guess-number-" + i });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        // The refused attempts never reached the sign-in code (no audit record, so no password was hashed).
        var audit = await factory.Services.GetRequiredService<IStaffAuditLog>().ListAsync(null, 100, CancellationToken.None);
        Assert.Equal(3, audit.Count(r => r.Action == StaffAuditActions.SignInFailed));
    }

    [Fact]
    public async Task ASessionCookieStopsWorkingAtSignOut()
    {
        await using var factory = new StaffAppFactory();
        await factory.EnsureAccountAsync();
        var browser = new CookieJar(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));
        var token = StaffClient.Token(await browser.GetStringAsync("/staff/signin"));
        using (await browser.PostAsync("/staff/signin", token, new() { ["UserName"] = StaffAppFactory.UserName, ["Password"] = StaffAppFactory.Password }))
        {
        }

        var stolen = browser.Cookie(".Chatbot.Staff");
        Assert.NotNull(stolen);
        var signOutToken = StaffClient.Token(await browser.GetStringAsync("/staff"));
        using (var signedOut = await browser.PostAsync("/staff/signout", signOutToken, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        // Someone who copied the cookie before the sign-out replays it.
        using var replay = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", ".Chatbot.Staff=" + stolen);
        using var response = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/signin", response.Headers.Location?.OriginalString ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ProductionOverPlainHttpRefusesToStartWithAClearMessage()
    {
        using var factory = new StaffAppFactory { Environment = "Production" };
        var error = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<IHost>()).ToString();
        Assert.Contains("HTTPS", error, StringComparison.Ordinal);
        Assert.Contains("Chatbot:ForwardedHeaders:KnownProxies:0", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindAConfiguredProxyProductionSignsInAndPlainHttpIsA400NotA500()
    {
        await using var factory = new StaffAppFactory(
            configure: services => services.AddSingleton<IStartupFilter>(new FromAddress("10.0.0.4")),
            settings: new Dictionary<string, string?> { ["Chatbot:ForwardedHeaders:KnownProxies:0"] = "10.0.0.4" })
        { Environment = "Production" };
        await factory.EnsureAccountAsync();

        // The proxy says the client used https: sign-in works end to end with Secure cookies.
        using var viaProxy = new StaffClient(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://clinic.example") }));
        viaProxy.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var signedIn = await viaProxy.SignInAsync(StaffAppFactory.UserName, StaffAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Plain http through the proxy (no X-Forwarded-Proto): a clear 400, never the anti-forgery system's 500.
        using var plain = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var page = await plain.GetAsync("/staff/signin");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("HTTPS", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<(HttpStatusCode Status, string Text)>> FailFiveTimesAsync(StaffClient client, string userName)
    {
        var results = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.SignInAsync(userName, "wrong password " + i);
            var text = StaffClient.Text(await response.Content.ReadAsStringAsync());
            var message = text[text.IndexOf("Sign in", StringComparison.Ordinal)..];
            results.Add((response.StatusCode, message));
        }

        return results;
    }

    /// <summary>A client that keeps cookies by hand, so a test can read and replay them.</summary>
    private sealed class CookieJar(HttpClient http)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public string? Cookie(string name) => _cookies.GetValueOrDefault(name);

        public async Task<string> GetStringAsync(string url)
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        public Task<HttpResponseMessage> PostAsync(string url, string token, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = token;
            return SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
            }

            var response = await http.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals], pair[(equals + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }

            return response;
        }
    }

    /// <summary>Makes every request arrive from <paramref name="address"/>, as from a proxy in front of the site.</summary>
    private sealed class FromAddress(string address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware();
            });
            next(app);
        };
    }
}
