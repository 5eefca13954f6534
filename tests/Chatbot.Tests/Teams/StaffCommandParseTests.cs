using Chatbot.Staff.Teams;

namespace Chatbot.Tests.Teams;

public sealed class StaffCommandParseTests
{
    [Theory]
    [InlineData("bookings", StaffCommandName.Bookings, "")]
    [InlineData("Bookings", StaffCommandName.Bookings, "")]
    [InlineData("/bookings 5", StaffCommandName.Bookings, "5")]
    [InlineData("unanswered", StaffCommandName.Unanswered, "")]
    [InlineData("unanswered 30", StaffCommandName.Unanswered, "30")]
    [InlineData("unanswered 30 days", StaffCommandName.Unanswered, "30 days")]
    [InlineData("why how long is an infusion", StaffCommandName.Why, "how long is an infusion")]
    [InlineData("why", StaffCommandName.Why, "")]
    [InlineData("handoffs", StaffCommandName.Handoffs, "")]
    [InlineData("release H-7KQ3XM", StaffCommandName.Release, "H-7KQ3XM")]
    [InlineData("help", StaffCommandName.Help, "")]
    [InlineData("help.", StaffCommandName.Help, "")]
    public void CommandsAreRecognised(string text, StaffCommandName name, string argument) =>
        Assert.Equal(new StaffCommand(name, argument), StaffCommand.Parse(text));

    [Theory]
    [InlineData("help me book an appointment")]
    [InlineData("bookings for tomorrow please")]
    [InlineData("unanswered questions")]
    [InlineData("handoffs are confusing")]
    [InlineData("how long is an infusion")]
    [InlineData("")]
    public void QuestionsAreNotCommands(string text) => Assert.Null(StaffCommand.Parse(text));

    [Fact]
    public void TheNumberArgumentHasADefault()
    {
        Assert.Equal(30, StaffCommand.Parse("unanswered 30 days")!.NumberOr(7));
        Assert.Equal(7, StaffCommand.Parse("unanswered")!.NumberOr(7));
    }
}
