namespace Chatbot.Faq.Dataset;

/// <summary>Where an entry and its parts are in its file (used to point validation issues at the right line).</summary>
/// <param name="Entry">The entry object.</param>
/// <param name="Fields">Each field present, by JSON name.</param>
/// <param name="Examples">Each example question, in order.</param>
internal sealed record EntryLocation(
    SourcePosition Entry,
    IReadOnlyDictionary<string, SourcePosition> Fields,
    IReadOnlyList<SourcePosition> Examples)
{
    public SourcePosition Field(string name) => Fields.TryGetValue(name, out var position) ? position : Entry;

    public SourcePosition Example(int index) => index < Examples.Count ? Examples[index] : Field("examples");
}
