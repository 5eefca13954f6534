using Chatbot.Notifications;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Chatbot.Clinic.Storage.InMemory;

namespace Chatbot.Tests.Notifications;

public sealed class NotificationOptionsTests
{
    [Fact]
    public void TheDefaultsAreTheDocumentedOnes()
    {
        var options = new NotificationOptions();
        Assert.Null(options.WebhookUrl);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), options.InitialBackoff);
        Assert.Equal(TimeSpan.FromHours(1), options.MaxBackoff);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("https://hooks.clinic.example/staff", "0123456789abcdef")]
    [InlineData("http://127.0.0.1:8080/hook", "a-much-longer-shared-secret-value")]
    public async Task ValidSettingsAreAccepted(string? url, string? secret)
    {
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), null, secret, new Dictionary<string, string?> { ["Chatbot:Notifications:WebhookUrl"] = url });
        Assert.Equal(url is { Length: > 0 }, host.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.WebhookUri is not null);
    }

    [Theory]
    [InlineData("https://hooks.clinic.example/staff", null, "WebhookSecret")]
    [InlineData("https://hooks.clinic.example/staff", "too-short", "WebhookSecret")]
    [InlineData("/relative/hook", "0123456789abcdef", "WebhookUrl")]
    [InlineData("ftp://files.clinic.example/hook", "0123456789abcdef", "WebhookUrl")]
    public async Task InvalidWebhookSettingsAreRefused(string url, string? secret, string key)
    {
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), null, secret, new Dictionary<string, string?> { ["Chatbot:Notifications:WebhookUrl"] = url });
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<NotificationOptions>>().Value);
        Assert.Contains($"Chatbot:Notifications:{key}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(url, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chatbot:Notifications:PollInterval", "00:00:00")]
    [InlineData("Chatbot:Notifications:InitialBackoff", "02:00:00")]
    [InlineData("Chatbot:Notifications:MaxBackoff", "00:00:00")]
    public async Task InvalidScheduleSettingsAreRefused(string key, string value)
    {
        await using var host = new NotificationTestHost(new InMemoryNotificationOutbox(), null, null, new Dictionary<string, string?> { [key] = value });
        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<NotificationOptions>>().Value);
    }

    [Fact]
    public void TheBotRefusesToStartWithAWebhookButNoSecret()
    {
        using var factory = new WebhookWithoutSecretFactory();
        var error = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<IHost>());
        Assert.Contains("WebhookSecret", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class WebhookWithoutSecretFactory : ChatbotAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Chatbot:Notifications:WebhookUrl"] = "https://hooks.clinic.example/staff",
        };
    }
}
