namespace Chatbot.Faq.Dataset;

/// <summary>Which answers a channel may show.</summary>
public enum FaqView
{
    /// <summary>A public channel (the website): only patient and both entries.</summary>
    Public,

    /// <summary>A staff channel (Teams in the clinic's tenant): every entry.</summary>
    Staff,
}
