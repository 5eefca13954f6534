using System.Net;
using Chatbot.Clinic.Handoffs;
using Chatbot.Faq.Classification;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Staff;

/// <summary>The live chat on the staff page (/staff/handoffs), for clinics without Teams.</summary>
public sealed class StaffLiveChatTests : IAsyncLifetime
{
    private readonly StaffAppFactory _factory = new();

    public Task InitializeAsync() => _factory.EnsureAccountAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task StaffTakeAChatOnThePageReadThePatientAndReplyUntilTheyEndIt()
    {
        var patient = await new DirectLineClient(_factory.CreateClient()).StartAsync();
        _factory.Classifier.Top = [new IntentScore("handoff/human", 0.95f)];
        await patient.SayAsync("I'd like to talk to a person");
        var reference = (await _factory.Services.GetRequiredService<ILiveHandoffStore>().ListOpenAsync(10, default)).Single().Reference;

        using var staff = await _factory.SignedInClientAsync();
        var list = await staff.PageAsync("/staff/handoffs");
        Assert.Contains(reference, StaffClient.Text(list), StringComparison.Ordinal);
        Assert.Contains("America/Chicago", StaffClient.Text(list), StringComparison.Ordinal);

        using var taken = await staff.PostAsync($"/staff/handoffs?handler=Take&reference={reference}", StaffClient.Token(list), []);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Contains("from our team has joined the chat", string.Join("\n", (await patient.PollAsync()).Select(a => a.Text)), StringComparison.Ordinal);

        // What the patient writes is shown as written (staff need it to help), on the page and to the poller.
        Assert.Empty(await patient.SayAsync("my phone is 312-555-0199, can you call me?"));
        var chat = await staff.PageAsync($"/staff/handoffs?reference={reference}");
        Assert.Contains("my phone is 312-555-0199, can you call me?", StaffClient.Text(chat), StringComparison.Ordinal);
        var polled = JObject.Parse(await staff.PageAsync($"/staff/handoffs?handler=Messages&reference={reference}&after=0"));
        Assert.Equal("Taken", (string?)polled["status"]);
        Assert.Equal(["System", "Patient"], polled["messages"]!.Select(m => (string?)m["sender"]));

        using var replied = await staff.PostAsync($"/staff/handoffs?handler=Reply&reference={reference}", StaffClient.Token(chat), new() { ["Text"] = "Yes, I'll call you in five minutes." });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var relayed = Assert.Single(await patient.PollAsync());
        Assert.Equal("**alice (clinic staff):** Yes, I'll call you in five minutes.", relayed.Text);

        var bye = await patient.SayAsync("end chat");
        Assert.Contains("You've ended the chat with our team", bye[0].Text, StringComparison.Ordinal);
        Assert.Contains("is over", StaffClient.Text(await staff.PageAsync($"/staff/handoffs?reference={reference}")), StringComparison.Ordinal);
        using var late = await staff.PostAsync($"/staff/handoffs?handler=Reply&reference={reference}", StaffClient.Token(chat), new() { ["Text"] = "hello?" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Empty(await patient.PollAsync());
    }

    [Fact]
    public async Task StaffCanEndAChatFromThePage()
    {
        var patient = await new DirectLineClient(_factory.CreateClient()).StartAsync();
        _factory.Classifier.Top = [new IntentScore("handoff/human", 0.95f)];
        await patient.SayAsync("a person please");
        var reference = (await _factory.Services.GetRequiredService<ILiveHandoffStore>().ListOpenAsync(10, default)).Single().Reference;
        using var staff = await _factory.SignedInClientAsync();
        var list = await staff.PageAsync("/staff/handoffs");
        using var ended = await staff.PostAsync($"/staff/handoffs?handler=End&reference={reference}", StaffClient.Token(list), []);
        Assert.Contains($"Ended {reference}", StaffClient.Text(await ended.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var audit = StaffClient.Text(await staff.PageAsync("/staff/audit"));
        Assert.Contains("handoff-end", audit, StringComparison.Ordinal);
        Assert.Contains(reference, audit, StringComparison.Ordinal);
        Assert.Contains("ended the chat. You're back with the virtual assistant", string.Join("\n", (await patient.PollAsync()).Select(a => a.Text)), StringComparison.Ordinal);
    }
}
