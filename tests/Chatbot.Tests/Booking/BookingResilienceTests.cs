using Chatbot.Booking;
using Chatbot.Notifications;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Chatbot.Clinic.Bookings;
using Chatbot.Clinic.Notifications;

namespace Chatbot.Tests.Booking;

public sealed class BookingResilienceTests
{
    [Fact]
    public async Task WhenTheDatabaseIsDownThePatientIsToldToCallAndTheRequestIsKeptForRetry()
    {
        await using var factory = new BrokenStoreFactory();
        factory.Predict(("booking/appointment", 0.95f));
        var client = new BotClient(factory.CreateClient(), "sms");
        await client.SayAsync("book a consultation");
        await client.SayAsync("Jordan Lee");
        await client.SayAsync("3125550123");
        await client.SayAsync("tomorrow morning");
        var reply = (await client.SayAsync("yes"))[^1].Text!;
        Assert.Contains("call us at", reply, StringComparison.Ordinal);
        Assert.Contains("PSI-", reply, StringComparison.Ordinal);
        Assert.Equal(1, factory.Services.GetRequiredService<PendingBookingQueue>().Count);
    }

    [Fact]
    public async Task LinkModeSendsTheSchedulerWithoutPersonalDataAndStillRecordsIt()
    {
        await using var factory = new LinkModeFactory();
        factory.Predict(("booking/appointment", 0.95f));
        var reply = (await new BotClient(factory.CreateClient(), "webchat").SayAsync("I'd like to reschedule my infusion"))[^1];
        var link = Assert.Single(reply.SuggestedActions!.Actions, a => a.Type == "openUrl");
        Assert.Equal("https://clinic.example/schedule", (string?)link.Value);
        var saved = Assert.Single(await factory.Services.GetRequiredService<IBookingStore>().ListAsync(null, 10, CancellationToken.None));
        Assert.True(saved.ViaLink);
        Assert.Equal(BookingReason.Reschedule, saved.Reason);
    }

    [Fact]
    public void LinkModeRefusesALinkThatCouldCarryPersonalData()
    {
        var options = new BookingOptions { Mode = BookingMode.Link, LinkUrl = new Uri("https://clinic.example/book?name=") };
        Assert.NotEmpty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    private sealed class BrokenStoreFactory : ScriptedClassifierFactory
    {
        protected override void ConfigureMoreServices(IServiceCollection services)
        {
            var broken = new Mock<IBookingStore>();
            broken.Setup(s => s.AddAsync(It.IsAny<BookingRequest>(), It.IsAny<StaffNotification>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(new IOException("disk unavailable"));
            services.RemoveAll<IBookingStore>();
            services.AddSingleton(broken.Object);
        }
    }

    private sealed class LinkModeFactory : ScriptedClassifierFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Chatbot:Booking:Mode"] = "Link",
            ["Chatbot:Booking:LinkUrl"] = "https://clinic.example/schedule",
        };
    }
}
