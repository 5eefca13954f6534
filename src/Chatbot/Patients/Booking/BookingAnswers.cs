using System.Text.RegularExpressions;
using Chatbot.Clinic.Bookings;
using Newtonsoft.Json.Linq;
using Chatbot.Patients.Booking.PreferredTimes;

namespace Chatbot.Patients.Booking;

/// <summary>
/// The booking dialog's answers: what counts as a valid reason, name, phone or e-mail and preferred time, typed one at
/// a time or several at once in the card, and how each is stored in the draft.
/// </summary>
public sealed partial class BookingAnswers(PreferredTimeParser timeParser)
{
    /// <summary>Validates one answer and stores it in the draft; returns a patient-facing problem, or null.</summary>
    public string? Apply(BookingDraft draft, BookingStep step, string? text)
    {
        switch (step)
        {
            case BookingStep.Reason:
                var reason = BookingText.ParseReason(text);
                if (reason is null)
                {
                    return "Sorry, I didn't catch what you'd like to book. Please choose one of the options.";
                }

                draft.Reason = reason;
                return null;
            case BookingStep.Name:
                var name = CleanName(text);
                if (name is null)
                {
                    return "Please type your name using letters only (for example: Jordan Lee).";
                }

                draft.Name = name;
                return null;
            case BookingStep.Contact:
                if (!ContactDetails.TryParse(text, out var phone, out var email))
                {
                    return "That doesn't look like a phone number or e-mail address. Please type a US phone number like (312) 555-0123, or an e-mail like name@example.com.";
                }

                draft.Phone = phone ?? draft.Phone;
                draft.Email = email ?? draft.Email;
                return null;
            case BookingStep.PreferredTime:
                var result = timeParser.Parse(text);
                if (!result.IsValid)
                {
                    return result.Problem ?? "Sorry, I didn't understand that day or time.";
                }

                draft.PreferredTimes = result.Description;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Applies every field of a submitted booking card; returns the problems, one per field that needs another look.</summary>
    public List<string> ApplyCard(BookingDraft draft, JObject value)
    {
        var problems = new List<string>();
        void Field(BookingStep step, string? input, string missing)
        {
            if (string.IsNullOrWhiteSpace(input))
            {
                problems.Add(missing);
                return;
            }

            if (Apply(draft, step, input) is { } problem)
            {
                problems.Add(problem);
            }
        }

        Field(BookingStep.Reason, (string?)value["reason"], "Please choose what you would like to book.");
        Field(BookingStep.Name, (string?)value["name"], "Please enter your name.");
        var phone = (string?)value["phone"];
        var email = (string?)value["email"];
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email))
        {
            problems.Add("Please enter a phone number or an e-mail address, so our team can reach you.");
        }
        else
        {
            draft.Phone = null;
            draft.Email = null;
            if (!string.IsNullOrWhiteSpace(phone) && ContactDetails.NormalizePhone(phone) is not { } normalizedPhone)
            {
                problems.Add("That phone number doesn't look right. Please use a format like (312) 555-0123.");
            }
            else if (!string.IsNullOrWhiteSpace(phone))
            {
                draft.Phone = ContactDetails.NormalizePhone(phone);
            }

            if (!string.IsNullOrWhiteSpace(email))
            {
                if (ContactDetails.TryParse(email, out _, out var parsedEmail) && parsedEmail is not null)
                {
                    draft.Email = parsedEmail;
                }
                else
                {
                    problems.Add("That e-mail address doesn't look right. Please use a format like name@example.com.");
                }
            }
        }

        Field(BookingStep.PreferredTime, (string?)value["preferredTime"], "Please tell us when you would like to come in.");
        return problems;
    }

    /// <summary>True when <paramref name="text"/> is a valid answer to a step that checks its answers.</summary>
    public bool IsValidAnswer(BookingStep step, string text) => step switch
    {
        BookingStep.Reason => BookingText.ParseReason(text) is not null,
        BookingStep.Contact => ContactDetails.TryParse(text, out _, out _),
        BookingStep.PreferredTime => timeParser.Parse(text).IsValid,
        _ => false,
    };

    private static string? CleanName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = NameLead().Replace(text.Trim(), string.Empty).Trim().TrimEnd('.', '!');
        return name.Length is >= 2 and <= 80 && ValidName().IsMatch(name) && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5
            ? name
            : null;
    }

    [GeneratedRegex(@"^(my\s+name\s+is|my\s+names|name\s*:|i\s*'?\s*m|i\s+am|it\s*'?\s*s|this\s+is|call\s+me)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex NameLead();

    [GeneratedRegex(@"^\p{L}[\p{L}\p{M}'’.\-]*(\s+\p{L}[\p{L}\p{M}'’.\-]*)*$")]
    private static partial Regex ValidName();
}
