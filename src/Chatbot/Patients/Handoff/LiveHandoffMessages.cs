using Chatbot.BotFramework.Builder;
using Chatbot.BotFramework.DirectLine;
using Chatbot.BotFramework.Integration;
using Chatbot.BotFramework.Schema;
using Chatbot.Clinic.Handoffs;
using Chatbot.Patients;
using Chatbot.Faq.Dataset;
using Microsoft.Extensions.Options;

namespace Chatbot.Patients.Handoff;

/// <summary>The words of a live hand-off: what the patient and the staff member are shown.</summary>
public static class LiveHandoffMessages
{
    /// <summary>The first name of a staff member's display name, which is what the patient sees.</summary>
    public static string FirstName(string? displayName)
    {
        var first = (displayName ?? string.Empty).Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return string.IsNullOrEmpty(first) ? "A staff member" : first;
    }

    /// <summary>A message as kept while the chat is open: trimmed and capped.</summary>
    public static string StoredTextOf(string text) => Clinic.Storage.StoredText.Cap(text.Trim(), 2_000);

    /// <summary>What the staff member holding the chat reads when the gate fired on the patient's message.</summary>
    public static string SafetyAlert(string text) =>
        $"⚠️ **Safety alert:** the safety gate fired on the patient's message; the bot already sent them the crisis lines (988, 911). They wrote: {text}";

    /// <summary>"5 minutes", or seconds under two minutes.</summary>
    public static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 2 ? $"{span.TotalMinutes:0} minutes" : $"{span.TotalSeconds:0} seconds";

    /// <summary>A message to the patient with buttons.</summary>
    public static Activity PatientMessage(string text, IList<CardAction> actions) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = TextFormats.Markdown,
        SuggestedActions = new SuggestedActions { Actions = actions },
    };
}
