using System.Net;
using System.Security.Cryptography;
using System.Text;
using Chatbot.BotFramework.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace Chatbot.Testing;

/// <summary>
/// Plays Azure Bot Service for the in-memory host: publishes a Bot Connector signing key (endorsed for the channels the
/// tests use) at a fake OpenID metadata address, answers the bot's outbound token requests, and signs tokens the way the
/// Bot Connector does (issuer api.botframework.com, audience = app id, <c>serviceurl</c> claim). No network is used:
/// the host's metadata and login HTTP clients get this handler as their primary handler.
/// </summary>
#pragma warning disable CA2000, CA1001 // One per factory, alive as long as the host; nothing to release but an RSA key.
public sealed class FakeBotConnector : HttpMessageHandler
{
    public const string AppId = "0b0b0b0b-1111-2222-3333-444444444444";
    private const string MetadataUrl = "https://botconnector.test/v1/.well-known/openidconfiguration";
    private const string KeysUrl = "https://botconnector.test/v1/.well-known/keys";
    private const string KeyId = "fake-bot-connector-key";
    private static readonly string[] Endorsements = ["msteams", "webchat", "directline", "emulator", "sms", "test"];
    private readonly RSA _rsa = RSA.Create(2048);

    /// <summary>Header a test sets on a request that must reach the bot without a token (exploit tests).</summary>
    public const string UnsignedHeader = "X-Test-Unsigned";

    /// <summary>The host settings of app-id mode with this fake (merged into a factory's settings).</summary>
    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "fake-client-secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["BotFramework:OpenIdMetadataUrl"] = MetadataUrl,
        ["BotFramework:LoginBaseUrl"] = "https://login.test",
        ["BotFramework:AllowedServiceUrlHosts:0"] = "*.botframework.com",
        ["BotFramework:AllowedServiceUrlHosts:1"] = "smba.trafficmanager.net",
        ["BotFramework:AllowedServiceUrlHosts:2"] = "127.0.0.1",
        ["BotFramework:AllowedServiceUrlHosts:3"] = "localhost",
    };

    /// <summary>A Bot Connector token for an activity whose serviceUrl is <paramref name="serviceUrl"/>, valid at <paramref name="now"/>.</summary>
    public string Token(string serviceUrl, DateTimeOffset now) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            NotBefore = now.UtcDateTime.AddMinutes(-5),
            IssuedAt = now.UtcDateTime.AddMinutes(-5),
            Expires = now.UtcDateTime.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });

    /// <summary>
    /// Makes the host use this fake for metadata and outbound tokens, and signs every <c>/api/messages</c> request that
    /// has no Authorization header (unless it carries <see cref="UnsignedHeader"/>), as Azure Bot Service does.
    /// </summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddHttpClient(ChannelAuthenticator.MetadataHttpClientName).ConfigurePrimaryHttpMessageHandler(() => new NonDisposing(this));
        services.AddHttpClient(BotCredentialsTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new NonDisposing(this));
        services.AddSingleton<IStartupFilter>(new SigningStartupFilter(this));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        JObject body;
        if (url == MetadataUrl)
        {
            body = new JObject { ["issuer"] = "https://api.botframework.com", ["jwks_uri"] = KeysUrl, ["id_token_signing_alg_values_supported"] = new JArray("RS256") };
        }
        else if (url == KeysUrl)
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            body = new JObject
            {
                ["keys"] = new JArray(new JObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = new JArray(Endorsements),
                }),
            };
        }
        else if (request.RequestUri.Host == "login.test")
        {
            body = new JObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = "fake-outbound-token" };
        }
        else
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") });
    }

    // The factory owns the fake; handler rotation must not dispose it.
    private sealed class NonDisposing(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
        }
    }

    private sealed class SigningStartupFilter(FakeBotConnector connector) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var request = context.Request;
                if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api/messages")
                    && !request.Headers.ContainsKey("Authorization") && !request.Headers.ContainsKey(UnsignedHeader))
                {
                    request.EnableBuffering();
                    string? serviceUrl = null;
                    try
                    {
                        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
                        serviceUrl = (string?)JObject.Parse(await reader.ReadToEndAsync())["serviceUrl"];
                    }
                    catch (Newtonsoft.Json.JsonException)
                    {
                    }

                    request.Body.Position = 0;
                    var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    request.Headers.Authorization = "Bearer " + connector.Token(serviceUrl ?? "https://smba.trafficmanager.net/amer/", now);
                }

                await nextMiddleware();
            });
            next(app);
        };
    }
}
