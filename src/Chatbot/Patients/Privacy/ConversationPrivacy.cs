using System.Security.Cryptography;
using Chatbot.Patients;
using Microsoft.AspNetCore.DataProtection;

namespace Chatbot.Patients.Privacy;

/// <summary>
/// Redaction with what the conversation already knows: the name and contact details the patient gave (at the booking
/// step) are remembered encrypted in the conversation state and removed from everything kept from the conversation —
/// recent messages (hand-off summaries, outbox notifications), unanswered questions — on top of the pattern-based
/// <see cref="PersonalDataRedactor"/>. Only the booking record itself keeps them readable.
/// </summary>
/// <remarks>
/// The values are encrypted with ASP.NET Core Data Protection so the conversation state (kept 30 days) holds no
/// readable name. If the keys are lost (a new machine without the key ring), the remembered values cannot be read and
/// only the patterns apply; nothing already stored is affected.
/// </remarks>
public sealed class ConversationPrivacy(PersonalDataRedactor redactor, IDataProtectionProvider dataProtection)
{
    private const string NamePrefix = "n:";
    private const string ContactPrefix = "c:";
    private const int MaxRemembered = 8;
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Chatbot.ConversationPrivacy.v1");

    /// <summary>Redacts <paramref name="text"/> with the patterns and with what <paramref name="state"/> knows.</summary>
    public string Redact(string? text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (names, contacts) = Known(state);
        return redactor.Redact(text, names, contacts);
    }

    /// <summary>
    /// Remembers the booking draft's name and contact (encrypted) and re-redacts the recent messages with them: the
    /// name typed alone at the booking step was kept before the dialog knew it was a name. Run before the state is saved
    /// and before anything is sent to staff.
    /// </summary>
    public void Scrub(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (names, contacts) = Remembered(state);
        var draft = state.Booking;
        Remember(state, names, NamePrefix, draft?.Name);
        Remember(state, contacts, ContactPrefix, draft?.Phone);
        Remember(state, contacts, ContactPrefix, draft?.Email);
        if (names.Count + contacts.Count == 0)
        {
            return;
        }

        for (var i = 0; i < state.RecentMessages.Count; i++)
        {
            state.RecentMessages[i] = redactor.Redact(state.RecentMessages[i], names, contacts);
        }
    }

    private void Remember(ConversationState state, List<string> known, string prefix, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || known.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)
            || state.ProtectedPersonalData.Count >= MaxRemembered)
        {
            return;
        }

        known.Add(value.Trim());
        state.ProtectedPersonalData.Add(_protector.Protect(prefix + value.Trim()));
    }

    private (List<string> Names, List<string> Contacts) Known(ConversationState state)
    {
        var (names, contacts) = Remembered(state);

        // The draft in progress counts too, before it is remembered at the end of the turn.
        if (state.Booking is { } draft)
        {
            AddIfNew(names, draft.Name);
            AddIfNew(contacts, draft.Phone);
            AddIfNew(contacts, draft.Email);
        }

        return (names, contacts);
    }

    private (List<string> Names, List<string> Contacts) Remembered(ConversationState state)
    {
        List<string> names = [];
        List<string> contacts = [];
        foreach (var item in state.ProtectedPersonalData)
        {
            string plain;
            try
            {
                plain = _protector.Unprotect(item);
            }
            catch (CryptographicException)
            {
                continue;
            }

            (plain.StartsWith(NamePrefix, StringComparison.Ordinal) ? names : contacts).Add(plain[2..]);
        }

        return (names, contacts);
    }

    private static void AddIfNew(List<string> values, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            values.Add(value.Trim());
        }
    }
}
