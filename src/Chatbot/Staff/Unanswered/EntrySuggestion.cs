namespace Chatbot.Staff.Unanswered;

/// <summary>An entry a group of unanswered questions probably belongs to.</summary>
/// <param name="EntryId">The entry's id.</param>
/// <param name="Title">The entry's title.</param>
/// <param name="Score">How strongly it is suggested (the classifier's scores, averaged).</param>
public sealed record EntrySuggestion(string EntryId, string Title, double Score);
