namespace Chatbot.Faq.Answering;

/// <summary>Titles of the bot's own buttons: a click sends the title back as text, and it is recognised exactly.</summary>
public static class ButtonTitles
{
    /// <summary>Offers a person.</summary>
    public const string TalkToPerson = "Talk to a person";

    /// <summary>Starts booking.</summary>
    public const string Book = "Book a consultation";

    /// <summary>Ends a clarification without choosing.</summary>
    public const string SomethingElse = "Something else";
}
