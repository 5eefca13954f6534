using System.Net;
using Chatbot.Staff;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Chatbot.Tests.Staff;

/// <summary>With <c>Chatbot:Staff:Oidc</c> set, sign-in goes to Microsoft Entra ID (no network: the metadata is given).</summary>
public sealed class StaffEntraIdTests
{
    private static StaffAppFactory Factory() => new(
        services => services.Configure<OpenIdConnectOptions>(StaffAuthentication.OidcScheme, options =>
            options.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = "https://login.microsoftonline.com/tenant-1/v2.0",
                AuthorizationEndpoint = "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/authorize",
                TokenEndpoint = "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token",
            }),
        new Dictionary<string, string?>
        {
            ["Chatbot:Staff:Oidc:Authority"] = "https://login.microsoftonline.com/tenant-1/v2.0",
            ["Chatbot:Staff:Oidc:ClientId"] = "client-123",
        });

    [Fact]
    public async Task SignInSendsTheBrowserToEntraIdWithPkce()
    {
        await using var factory = Factory();
        using var client = factory.Client();

        using var staff = await client.Http.GetAsync("/staff");
        using var signIn = await client.Http.GetAsync(staff.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authorize = signIn.Headers.Location!.ToString();
        Assert.StartsWith("https://login.microsoftonline.com/tenant-1/oauth2/v2.0/authorize?", authorize, StringComparison.Ordinal);
        Assert.Contains("client_id=client-123", authorize, StringComparison.Ordinal);
        Assert.Contains("response_type=code", authorize, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", authorize, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fstaff%2Fsignin-oidc", authorize, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalPasswordsAreNotAcceptedWhenEntraIdIsConfigured()
    {
        await using var factory = Factory();
        await factory.EnsureAccountAsync();
        using var client = factory.Client();
        var token = StaffClient.Token(await client.PageAsync("/staff/signin?signedOut=true"));

        using var response = await client.PostAsync("/staff/signin", token, new() { ["UserName"] = StaffAppFactory.UserName, ["Password"] = StaffAppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://login.microsoftonline.com/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(StaffAuthentication.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTheRequiredRoleTheDeniedPageDoesNotLoopBackToEntraId()
    {
        await using var factory = Factory();
        using var client = factory.Client();

        using var denied = await client.Http.GetAsync("/staff/denied");

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("may not use the staff page", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
