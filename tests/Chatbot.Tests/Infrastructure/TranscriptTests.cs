using Chatbot.BotFramework.Schema;
using Newtonsoft.Json.Linq;
using Xunit.Sdk;

namespace Chatbot.Tests.Infrastructure;

/// <summary>The transcript format checks what it says it checks (a test helper that always passes proves nothing).</summary>
public sealed class TranscriptTests
{
    private static readonly IReadOnlyList<Activity> Replies =
    [
        new() { Type = ActivityTypes.Message, Text = "I can help you request an appointment." },
        new() { Type = ActivityTypes.Message, Text = "Here's your request: Jordan Lee. Shall I send it?", SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Yes"), CardAction.ImBack("Cancel")] } },
    ];

    private static Task<IReadOnlyList<Activity>> PlayAsync(string script, List<JObject>? submits = null) =>
        Transcript.PlayAsync(
            script,
            _ => Task.FromResult(Replies),
            value =>
            {
                submits?.Add(value);
                return Task.FromResult(Replies);
            });

    [Theory]
    [InlineData("> hi\n< Shall I send")]
    [InlineData("> hi\n< Jordan Lee … Shall I send [Yes | Cancel]")]
    [InlineData("> hi\n< request an appointment\n< Shall I send")]
    [InlineData("> hi\n# a comment\n\n<! didn't catch")]
    public async Task WhatTheBotSaidPasses(string script) => await PlayAsync(script);

    [Theory]
    [InlineData("> hi\n< request an appointment")]         // not the last reply
    [InlineData("> hi\n< Shall I send … Jordan Lee")]        // parts out of order
    [InlineData("> hi\n< Shall I send [Yes]")]               // not every button
    [InlineData("> hi\n< Shall I send []")]                  // buttons where none were expected
    [InlineData("> hi\n<! Jordan Lee")]                      // said what it must not
    [InlineData("> hi\n< a\n< b\n< c")]                      // more replies expected than sent
    [InlineData("> hi\n< shall i send")]                     // case matters
    public async Task WhatTheBotDidNotSayFails(string script) =>
        await Assert.ThrowsAnyAsync<XunitException>(() => PlayAsync(script));

    [Fact]
    public async Task ALineThatIsNeitherSideIsAnError() =>
        await Assert.ThrowsAsync<FormatException>(() => PlayAsync("> hi\nShall I send"));

    [Fact]
    public async Task CardButtonsBecomeSubmitsWithTheirFields()
    {
        var submits = new List<JObject>();
        await PlayAsync("> {submit} name=Sam Rivera | phone= \n> {cancel}", submits);
        Assert.Equal(new string?[] { "booking.submit", "Sam Rivera", "" }, new[] { (string?)submits[0]["action"], (string?)submits[0]["name"], (string?)submits[0]["phone"] });
        Assert.Equal("booking.cancel", (string?)submits[1]["action"]);
    }
}
