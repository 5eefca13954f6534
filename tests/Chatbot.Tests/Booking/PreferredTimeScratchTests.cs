using System.Globalization;
using Chatbot.Booking;
using Chatbot.Conversation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Chatbot.Tests.Booking;

public sealed class PreferredTimeScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var parser = new PreferredTimeParser(new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T16:00:00Z", CultureInfo.InvariantCulture)), Options.Create(new ClinicOptions()));
        foreach (var text in File.ReadAllLines("/tmp/pt-phrases.txt"))
        {
            var r = parser.Parse(text);
            var w = string.Join(" | ", r.Windows.Select(x => x.Start.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) + "-" + x.End.ToString("HH:mm", CultureInfo.InvariantCulture)));
            output.WriteLine($"{text,-45} => {(r.IsValid ? r.Description + "   [" + w + "]" : "PROBLEM: " + r.Problem)}");
        }
    }
}
