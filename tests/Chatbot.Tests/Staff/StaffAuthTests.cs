using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Chatbot.Clinic.Staff;

namespace Chatbot.Tests.Staff;

/// <summary>Sign-in is required, lock-out after repeated failures, secure cookies, anti-forgery on every form.</summary>
public sealed class StaffAuthTests
{
    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/entry?id=faq%2Finfusion_duration")]
    [InlineData("/staff/new")]
    [InlineData("/staff/unanswered")]
    [InlineData("/staff/publish")]
    [InlineData("/staff/import")]
    [InlineData("/staff/import?handler=Export&format=csv")]
    [InlineData("/staff/audit")]
    public async Task EveryStaffPageNeedsSignIn(string url)
    {
        await using var factory = new StaffAppFactory();
        using var client = factory.Client();

        using var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/staff/signin?returnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostWithoutSignInChangesNothing()
    {
        await using var factory = new StaffAppFactory();
        using var client = factory.Client();
        var before = factory.Data.Read("treatment.json");

        using var response = await client.PostAsync("/staff/entry", null, new() { ["Form.Id"] = "faq/infusion_duration", ["Form.Answer"] = "Hacked." });

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        Assert.Equal(before, factory.Data.Read("treatment.json"));
    }

    [Fact]
    public async Task SigningInGivesAStrictHttpOnlyCookieAndTheStaffPage()
    {
        await using var factory = new StaffAppFactory();
        await factory.EnsureAccountAsync();
        using var client = factory.Client();

        using var response = await client.SignInAsync(StaffAppFactory.UserName, StaffAppFactory.Password);
        var page = await client.PageAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Chatbot.Staff=", StringComparison.Ordinal));
        Assert.Contains("path=/staff", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Signed in as", page, StringComparison.Ordinal);
        Assert.Contains("faq/infusion_duration", page, StringComparison.Ordinal);
        var audit = await factory.Services.GetRequiredService<IStaffAuditLog>().ListAsync(null, 10, CancellationToken.None);
        Assert.Contains(audit, r => r.Action == StaffAuditActions.SignIn && r.User == StaffAppFactory.UserName);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong()
    {
        await using var factory = new StaffAppFactory();
        await factory.EnsureAccountAsync();
        using var client = factory.Client();

        using var wrongPassword = await client.SignInAsync(StaffAppFactory.UserName, "not the password at all");
        using var unknownUser = await client.SignInAsync("mallory", "not the password at all");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Contains("The user name or password is not right", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The user name or password is not right", await unknownUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie") && wrongPassword.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".Chatbot.Staff=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword()
    {
        await using var factory = new StaffAppFactory();
        await factory.EnsureAccountAsync();
        using var client = factory.Client();

        for (var i = 1; i <= 4; i++)
        {
            using var failed = await client.SignInAsync(StaffAppFactory.UserName, $"wrong password {i}");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var fifth = await client.SignInAsync(StaffAppFactory.UserName, "wrong password 5");
        using var right = await client.SignInAsync(StaffAppFactory.UserName, StaffAppFactory.Password);
        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await client.SignInAsync(StaffAppFactory.UserName, StaffAppFactory.Password);
        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var unlocked = await client.SignInAsync(StaffAppFactory.UserName, StaffAppFactory.Password);

        Assert.Equal(HttpStatusCode.Forbidden, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, right.StatusCode);
        var lockedPage = StaffClient.Text(await right.Content.ReadAsStringAsync());
        Assert.Contains("This account is locked after too many failed sign-ins. Try again after 10:15", lockedPage, StringComparison.Ordinal);
        Assert.Contains("chatbot staff unlock alice", lockedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryTokenIsRefused()
    {
        await using var factory = new StaffAppFactory();
        await factory.EnsureAccountAsync();
        using var anonymous = factory.Client();
        using var signedIn = await factory.SignedInClientAsync();
        var before = factory.Data.Read("treatment.json");
        var edit = await signedIn.PageAsync("/staff/entry?id=faq%2Finfusion_duration");

        using var signIn = await anonymous.PostAsync("/staff/signin", null, new() { ["UserName"] = StaffAppFactory.UserName, ["Password"] = StaffAppFactory.Password });
        using var save = await signedIn.PostAsync("/staff/entry", null, new()
        {
            ["Form.Id"] = "faq/infusion_duration",
            ["Form.ETag"] = StaffClient.Field(edit, "Form.ETag"),
            ["Form.Answer"] = "Changed without a token.",
        });
        using var forged = await signedIn.PostAsync("/staff/entry", "forged-token", new() { ["Form.Id"] = "faq/infusion_duration" });

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, factory.Data.Read("treatment.json"));
    }

    [Fact]
    public async Task EveryFormOnTheStaffPagesCarriesAnAntiforgeryToken()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();

        foreach (var url in new[] { "/staff", "/staff/entry?id=faq%2Finfusion_duration", "/staff/new", "/staff/publish", "/staff/import", "/staff/audit" })
        {
            var html = await client.PageAsync(url);
            var posts = System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.NotEmpty(posts);
            Assert.All(posts, form => Assert.Contains("__RequestVerificationToken", form.Value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();
        var token = StaffClient.Token(await client.PageAsync("/staff"));

        using var signOut = await client.PostAsync("/staff/signout", token, new Dictionary<string, string>());
        using var after = await client.Http.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/staff/signin", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPagesAreNeverCachedAndKeepTheStrictContentSecurityPolicy()
    {
        await using var factory = new StaffAppFactory();
        using var client = await factory.SignedInClientAsync();

        using var response = await client.Http.GetAsync("/staff");

        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
