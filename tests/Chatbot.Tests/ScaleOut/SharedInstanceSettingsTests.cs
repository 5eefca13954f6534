using System.Net;
using System.Security.Cryptography;
using Chatbot.Clinic.Staff;
using Chatbot.Tests.Infrastructure;
using Chatbot.Tests.Staff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.ScaleOut;

/// <summary>
/// Issue 14, several instances: two instances of the app on one database and one configuration, as behind a load
/// balancer. A website-chat token issued by one is accepted by the other (the shared Direct Line signing key), and what
/// one encrypts the other reads (the shared Data Protection key ring): the staff sign-in form, the names kept in
/// conversation state.
/// </summary>
[Collection(SqliteFilesCollection.Name)]
public sealed class SharedInstanceSettingsTests : IAsyncLifetime
{
    private static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatbot-scaleout-");
    private Instance _first = null!;
    private Instance _second = null!;

    public Task InitializeAsync()
    {
        _first = new Instance(Shared());
        _second = new Instance(Shared());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AWebChatTokenFromOneInstanceWorksOnTheOther()
    {
        _first.Predict(("faq/infusion_duration", 0.95f));
        _second.Predict(("faq/infusion_duration", 0.95f));
        var onFirst = await new DirectLineClient(_first.CreateClient()).StartAsync();

        var onSecond = onFirst.On(_second.CreateClient());
        var replies = await onSecond.SayAsync("how long does an infusion take?");
        Assert.Contains(replies, r => r.Type == "message" && !string.IsNullOrEmpty(r.Text));

        // The first instance sees the whole conversation too (one transcript in the shared database).
        var seen = await onFirst.PollAsync();
        Assert.Contains(seen, a => a.From?.Role == "user");
    }

    [Fact]
    public async Task AnInstanceWithAnotherKeyRefusesTheToken()
    {
        var settings = Shared();
        settings["DirectLine:TokenSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var stranger = new Instance(settings);
        var onFirst = await new DirectLineClient(_first.CreateClient()).StartAsync();

        using var refused = await onFirst.On(stranger.CreateClient()).SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{onFirst.ConversationId}/activities", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public void WhatOneInstanceEncryptsTheOtherReads()
    {
        const string Purpose = "Chatbot.ConversationPrivacy.v1";
        var secret = _first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("n:Jordan Lee");
        Assert.Equal("n:Jordan Lee", _second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(secret));
        Assert.NotEmpty(_folder.GetDirectories("keys").Single().GetFiles("key-*.xml"));

        // Without the shared folder (or under another application name) the ring is another one.
        foreach (var (key, value) in new[] { ("Chatbot:DataProtection:KeysPath", Path.Combine(_folder.FullName, "other-keys")), ("Chatbot:DataProtection:ApplicationName", "another-app") })
        {
            var settings = Shared();
            settings[key] = value;
            using var other = new Instance(settings);
            var protector = other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(secret));
        }
    }

    [Fact]
    public async Task TheStaffSignInFormOfOneInstanceIsAcceptedByTheOther()
    {
        Assert.Null(await _first.Services.GetRequiredService<StaffAccounts>().AddAsync(StaffAppFactory.UserName, StaffAppFactory.Password, CancellationToken.None));
        var first = _first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await first.GetAsync("/staff/signin");
        var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = StaffClient.Token(await form.Content.ReadAsStringAsync());

        var second = _second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/staff/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["UserName"] = StaffAppFactory.UserName,
                ["Password"] = StaffAppFactory.Password,
            }),
        };
        post.Headers.Add("Cookie", cookies);
        using var signedIn = await second.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/staff", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AStaffSessionStartedOnOneInstanceIsAcceptedAndEndedOnTheOther()
    {
        Assert.Null(await _first.Services.GetRequiredService<StaffAccounts>().AddAsync(StaffAppFactory.UserName, StaffAppFactory.Password, CancellationToken.None));
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = _first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var second = _second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        // Signed in on the first instance...
        using var form = await SendAsync(first, HttpMethod.Get, "/staff/signin", cookies);
        using var signedIn = await SendAsync(first, HttpMethod.Post, "/staff/signin", cookies, new()
        {
            ["__RequestVerificationToken"] = StaffClient.Token(await form.Content.ReadAsStringAsync()),
            ["UserName"] = StaffAppFactory.UserName,
            ["Password"] = StaffAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(".Chatbot.Staff", cookies.Keys);

        // ...is signed in on the second (the session is in the shared database, not in the first process)...
        using var page = await SendAsync(second, HttpMethod.Get, "/staff", cookies);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // ...and signing out there ends the session on the first too.
        using var signedOut = await SendAsync(second, HttpMethod.Post, "/staff/signout", new Dictionary<string, string>(cookies), new()
        {
            ["__RequestVerificationToken"] = StaffClient.Token(await page.Content.ReadAsStringAsync()),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var after = await SendAsync(first, HttpMethod.Get, "/staff", cookies);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/staff/signin", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    // Sends with the given cookies and keeps the ones the response sets (a browser across two instances).
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, Dictionary<string, string> cookies, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var pair in set.Select(c => c.Split(';')[0].Split('=', 2)))
            {
                cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the OS cleans temp folders.
        }
    }

    private Dictionary<string, string?> Shared() => new()
    {
        ["Chatbot:Storage:Provider"] = "Sqlite",
        ["Chatbot:Storage:SqlitePath"] = Path.Combine(_folder.FullName, "chatbot.db"),
        ["DirectLine:TokenSigningKey"] = SigningKey,
        ["Chatbot:DataProtection:KeysPath"] = Path.Combine(_folder.FullName, "keys"),
    };

    private sealed class Instance(Dictionary<string, string?> settings) : ScriptedClassifierFactory
    {
        protected override IDictionary<string, string?> Settings => settings;
    }
}
