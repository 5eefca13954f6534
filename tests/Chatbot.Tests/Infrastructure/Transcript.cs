using Chatbot.BotFramework.Schema;
using Chatbot.Patients.Booking;
using Newtonsoft.Json.Linq;

namespace Chatbot.Tests.Infrastructure;

/// <summary>
/// A conversation written as text and played against a bot (a <see cref="DialogTestClient"/> or a host's
/// <see cref="BotClient"/>). One line per message:
/// <code>
/// > what the patient types
/// > {submit} reason=Infusion | name=Sam Rivera | email=sam@example.com    (the booking card's submit button)
/// > {cancel}                                                               (the booking card's cancel button)
/// &lt; what the bot says [Button | Button]
/// &lt;! what no reply of this turn may say
/// &lt; (nothing)                                                           (the bot stays quiet: no activity at all)
/// ~ handoff/human 0.95                                                     (a note to the test: what the classifier says from here on)
/// </code>
/// The <c>&lt;</c> lines after a message are its last replies, in order: each must contain its text (parts joined by
/// <c>…</c> must all appear, in that order, in the one reply), and, when a <c>[…]</c> list ends the line, carry exactly
/// those suggested actions (<c>[]</c>: none). Lines starting with <c>~</c> go to the test's <c>note</c> callback before
/// the next message is sent. Blank lines and lines starting with <c>#</c> are ignored.
/// </summary>
public static class Transcript
{
    /// <summary>Plays <paramref name="script"/>; returns the replies of its last message.</summary>
    /// <param name="say">Sends typed text and returns the bot's replies.</param>
    /// <param name="submit">Sends a card submit (its <c>value</c>) and returns the bot's replies.</param>
    /// <param name="note">Takes the <c>~</c> lines (none allowed when null).</param>
    public static async Task<IReadOnlyList<Activity>> PlayAsync(
        string script, Func<string, Task<IReadOnlyList<Activity>>> say, Func<JObject, Task<IReadOnlyList<Activity>>> submit, Action<string>? note = null)
    {
        IReadOnlyList<Activity> replies = [];
        foreach (var turn in Parse(script))
        {
            foreach (var line in turn.NotesBefore)
            {
                (note ?? throw new FormatException($"Transcript note \"~ {line}\": this test takes no notes."))(line);
            }

            if (turn.NotesOnly)
            {
                continue; // notes after the last message
            }

            var all = turn.Card is { } card ? await submit(card) : await say(turn.Says);
            if (turn.Replies.Any(e => e.Nothing))
            {
                Assert.True(all.Count == 0, $"after \"{turn.Says}\" the bot sent {all.Count} activities: expected nothing");
            }

            replies = all.Where(a => a.Type is null or ActivityTypes.Message).ToList();
            Check(turn, replies);
        }

        return replies;
    }

    /// <summary>Plays <paramref name="script"/> against the dialog driven by <paramref name="client"/>.</summary>
    public static Task<IReadOnlyList<Activity>> PlayAsync(this DialogTestClient client, string script) =>
        PlayAsync(script, client.SayAsync, client.SubmitAsync);

    /// <summary>Plays <paramref name="script"/> through a host's /api/messages.</summary>
    /// <param name="classifier">Takes <c>~ intent score</c> notes: the host's classifier says that from then on.</param>
    public static Task<IReadOnlyList<Activity>> PlayAsync(this BotClient client, string script, ScriptedClassifierFactory? classifier = null) =>
        PlayAsync(
            script,
            client.SayAsync,
            value => client.SendAsync(new JObject { ["type"] = "message", ["value"] = value }),
            classifier is null ? null : line => classifier.Predict(PredictionOf(line)));

    private static (string Intent, float Score) PredictionOf(string note)
    {
        var parts = note.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (parts[0], float.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed record Expected(string[] Parts, string[]? Buttons, bool Absent, bool Nothing = false);

    private sealed record Turn(string Says, JObject? Card, List<Expected> Replies, List<string> NotesBefore, bool NotesOnly = false);

    private static List<Turn> Parse(string script)
    {
        var turns = new List<Turn>();
        var notes = new List<string>();
        foreach (var raw in script.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('~'))
            {
                notes.Add(line[1..].Trim());
            }
            else if (line.StartsWith('>'))
            {
                var says = line[1..].Trim();
                turns.Add(new Turn(says, CardOf(says), [], notes));
                notes = [];
            }
            else if (turns.Count > 0 && line == "< (nothing)")
            {
                turns[^1].Replies.Add(new Expected([], null, Absent: false, Nothing: true));
            }
            else if (turns.Count > 0 && line.StartsWith("<!", StringComparison.Ordinal))
            {
                turns[^1].Replies.Add(new Expected([line[2..].Trim()], null, Absent: true));
            }
            else if (turns.Count > 0 && line.StartsWith('<'))
            {
                turns[^1].Replies.Add(ExpectedOf(line[1..].Trim()));
            }
            else
            {
                throw new FormatException($"Transcript line \"{line}\": start it with > (the patient), < (the bot), <! (not said) or ~ (a note).");
            }
        }

        if (notes.Count > 0)
        {
            turns.Add(new Turn(string.Empty, null, [], notes, NotesOnly: true));
        }

        return turns;
    }

    private static JObject? CardOf(string says)
    {
        if (says == "{cancel}")
        {
            return new JObject { ["action"] = BookingCard.CancelAction };
        }

        if (!says.StartsWith("{submit}", StringComparison.Ordinal))
        {
            return null;
        }

        var value = new JObject { ["action"] = BookingCard.SubmitAction };
        foreach (var field in says["{submit}".Length..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            value[field[..equals].Trim()] = field[(equals + 1)..].Trim();
        }

        return value;
    }

    private static Expected ExpectedOf(string text)
    {
        string[]? buttons = null;
        if (text.EndsWith(']') && text.LastIndexOf('[') is var open and >= 0)
        {
            buttons = text[(open + 1)..^1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            text = text[..open].Trim();
        }

        return new Expected(text.Split('…', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), buttons, Absent: false);
    }

    private static void Check(Turn turn, IReadOnlyList<Activity> replies)
    {
        var said = string.Join(" | ", replies.Select(r => $"\"{r.Text}\""));
        foreach (var absent in turn.Replies.Where(e => e.Absent))
        {
            Assert.False(replies.Any(r => (r.Text ?? string.Empty).Contains(absent.Parts[0], StringComparison.Ordinal)), $"after \"{turn.Says}\" the bot said {said}: expected no \"{absent.Parts[0]}\"");
        }

        var expected = turn.Replies.Where(e => !e.Absent && !e.Nothing).ToList();
        Assert.True(replies.Count >= expected.Count, $"after \"{turn.Says}\" the bot said {said}: expected {expected.Count} replies");
        for (var i = 0; i < expected.Count; i++)
        {
            var reply = replies[replies.Count - expected.Count + i];
            var text = reply.Text ?? string.Empty;
            var at = 0;
            foreach (var part in expected[i].Parts)
            {
                var found = text.IndexOf(part, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"after \"{turn.Says}\" the bot said \"{text}\": expected \"{part}\"{(at > 0 ? " after the parts before it" : string.Empty)}");
                at = found + part.Length;
            }

            if (expected[i].Buttons is { } buttons)
            {
                Assert.Equal(buttons, reply.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty).ToArray() ?? []);
            }
        }
    }
}
