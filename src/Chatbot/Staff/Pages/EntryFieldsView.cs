namespace Chatbot.Staff.Pages;

/// <summary>The model of the <c>_EntryFields</c> partial.</summary>
/// <param name="Form">The form's values.</param>
public sealed record EntryFieldsView(EntryForm Form);
