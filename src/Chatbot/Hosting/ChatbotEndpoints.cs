using Chatbot.Faq.Safety;
using Chatbot.Patients.Booking;
using Chatbot.Patients;
using Chatbot.Hosting;
using Chatbot.Staff;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The clinic bot's HTTP surface.</summary>
public static class ChatbotEndpoints
{
    /// <summary>
    /// Security headers, the chat page (static files at <c>/</c>), <c>/api/clinic</c> for the page, the Bot Framework
    /// endpoint <c>/api/messages</c>, the Direct Line server <c>/v3/directline</c>, and <c>/healthz</c> / <c>/readyz</c>.
    /// </summary>
    public static WebApplication MapChatbot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First: the client's address and scheme from configured proxies only (rate limits, HTTPS checks, cookies).
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();

        // HSTS everywhere but on a developer's machine (browsers would then refuse http://localhost for a year).
        // The middleware itself only answers HTTPS requests, and skips localhost.
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseMiddleware<StaffRequiresHttpsMiddleware>();
        }

        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.MapStaffPages();

        app.MapBotMessages();
        app.MapDirectLine();

        app.MapGet("/api/clinic", (IOptions<ClinicOptions> clinic) =>
            TypedResults.Ok(new { name = clinic.Value.Name, phone = clinic.Value.Phone, hours = clinic.Value.Hours, botName = clinic.Value.BotName }));

        app.MapChatbotHealthChecks();
        return app;
    }
}
