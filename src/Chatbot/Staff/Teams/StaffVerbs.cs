using Chatbot.Clinic.Bookings;
namespace Chatbot.Staff.Teams;

/// <summary>The <c>verb</c>s of the bot's <c>Action.Execute</c> buttons (answered by <see cref="StaffCardActions"/>).</summary>
public static class StaffVerbs
{
    /// <summary>Change a booking request's status: data <c>{reference, status, view}</c>.</summary>
    public const string BookingStatus = "booking.status";

    /// <summary>Show the newest booking requests again.</summary>
    public const string BookingsList = "bookings.list";

    /// <summary>Show the unanswered questions: data <c>{days}</c>.</summary>
    public const string UnansweredList = "unanswered.list";

    /// <summary>Show one FAQ entry's title and answer: data <c>{intent, days}</c>.</summary>
    public const string FaqShow = "faq.show";

    /// <summary>Give a handed-off conversation back to the bot: data <c>{reference, view}</c>.</summary>
    public const string HandoffRelease = "handoff.release";

    /// <summary>Take a live hand-off: the chat is relayed to the conversation the card is in. Data <c>{reference}</c>.</summary>
    public const string HandoffTake = "handoff.take";

    /// <summary>End a live hand-off: data <c>{reference}</c>.</summary>
    public const string HandoffEnd = "handoff.end";

    /// <summary>Show the open hand-offs again.</summary>
    public const string HandoffsList = "handoffs.list";

    /// <summary>The <c>view</c> of a card that shows one item (a notification).</summary>
    public const string SingleView = "single";

    /// <summary>The <c>view</c> of a card that shows a list (a command's answer).</summary>
    public const string ListView = "list";
}
