using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;
using Chatbot.Clinic.Bookings;

namespace Chatbot.Booking;

/// <summary>
/// The booking form as an Adaptive Card (1.4: Web Chat and Teams). Buttons are <c>Action.Submit</c> with object data,
/// which both channels send back as a message whose <c>value</c> holds the inputs.
/// </summary>
public static class BookingCard
{
    /// <summary>The <c>value.action</c> of the form's submit button.</summary>
    public const string SubmitAction = "booking.submit";

    /// <summary>The <c>value.action</c> of the form's cancel button.</summary>
    public const string CancelAction = "booking.cancel";

    /// <summary>Channels whose clients render Adaptive Cards.</summary>
    public static bool IsSupportedOn(string? channelId) => channelId?.ToLowerInvariant() is "webchat" or "directline" or "msteams" or "emulator";

    /// <summary>The form, pre-filled from <paramref name="draft"/>, with <paramref name="problems"/> shown at the top.</summary>
    public static Attachment Create(BookingDraft draft, string hours, IReadOnlyList<string> problems)
    {
        var body = new JArray
        {
            new JObject { ["type"] = "TextBlock", ["text"] = "Request an appointment", ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JObject { ["type"] = "TextBlock", ["text"] = $"Our team will call or email you to confirm a time. We're open {hours}.", ["wrap"] = true, ["isSubtle"] = true },
        };
        foreach (var problem in problems)
        {
            body.Add(new JObject { ["type"] = "TextBlock", ["text"] = problem, ["wrap"] = true, ["color"] = "Attention" });
        }

        body.Add(new JObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = "reason",
            ["label"] = "What would you like to book?",
            ["isRequired"] = true,
            ["errorMessage"] = "Choose what you would like to book.",
            ["style"] = "compact",
            ["value"] = draft.Reason?.ToString() ?? nameof(BookingReason.NewPatientConsultation),
            ["choices"] = new JArray(Enum.GetValues<BookingReason>().Select(r => new JObject { ["title"] = BookingText.ReasonTitle(r), ["value"] = r.ToString() })),
        });
        body.Add(Input("name", "Your name", draft.Name, "text", "First and last name", required: true));
        body.Add(Input("phone", "Phone number", draft.Phone is null ? null : ContactDetails.FormatPhone(draft.Phone), "tel", "(312) 555-0123", required: false));
        body.Add(Input("email", "E-mail (if you prefer)", draft.Email, "email", "name@example.com", required: false));
        body.Add(Input("preferredTime", "When would you like to come in?", draft.PreferredTimes, "text", "e.g. next Tuesday afternoon", required: true));

        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = new JArray
            {
                new JObject { ["type"] = "Action.Submit", ["title"] = "Review my request", ["data"] = new JObject { ["action"] = SubmitAction } },
                new JObject { ["type"] = "Action.Submit", ["title"] = "Cancel", ["data"] = new JObject { ["action"] = CancelAction }, ["associatedInputs"] = "none" },
            },
        };
        return new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card };
    }

    private static JObject Input(string id, string label, string? value, string style, string placeholder, bool required)
    {
        var input = new JObject
        {
            ["type"] = "Input.Text",
            ["id"] = id,
            ["label"] = label,
            ["placeholder"] = placeholder,
            ["style"] = style,
            ["maxLength"] = 200,
            ["isRequired"] = required,
        };
        if (required)
        {
            input["errorMessage"] = label + " is required.";
        }

        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }

        return input;
    }
}
