using Chatbot.BotFramework.Schema;

namespace Chatbot.BotFramework.DirectLine;

/// <summary>An activity read from a <see cref="IDirectLineTranscriptStore"/> with its sequence number (watermark).</summary>
/// <param name="Sequence">The activity's number in its conversation, starting at 1.</param>
/// <param name="Activity">A copy of the stored activity.</param>
public sealed record DirectLineTranscriptEntry(long Sequence, Activity Activity);
