using Chatbot.Patients.Privacy;

namespace Chatbot.Tests.Privacy;

public sealed class PersonalDataRedactorTests
{
    private readonly PersonalDataRedactor _redactor = new();

    [Theory]
    [InlineData("my email is jane.doe@example.com", "jane.doe", "example.com")]
    [InlineData("call me at (312) 555-0142 or 312.555.0199", "555-0142", "555.0199")]
    [InlineData("text me +1 773 555 0100", "773", "0100")]
    [InlineData("I'm Maria, born 03/14/1985, can I get an infusion?", "Maria", "1985")]
    [InlineData("my dob is March 14, 1985", "March 14", "1985")]
    [InlineData("date of birth 1985-03-14", "1985", "03-14")]
    [InlineData("my name is Jane Doe", "Jane", "Doe")]
    [InlineData("my name is jane doe and I have questions", "jane", "doe")]
    [InlineData("this is john smith, my MRN is 00123456", "john", "00123456")]
    [InlineData("member id AB12345678", "AB12345678", "12345678")]
    [InlineData("my ssn 123-45-6789", "123-45", "6789")]
    [InlineData("I live at 1234 N Main St", "1234", "Main")]
    [InlineData("thanks, Robert", "Robert", "Robert")]
    [InlineData("can I come on 12/05 at 3pm", "12/05", "12/05")]
    public void PersonalDataDoesNotSurvive(string text, string secret1, string secret2)
    {
        var redacted = _redactor.Redact(text);
        Assert.DoesNotContain(secret1, redacted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret2, redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how long does a ketamine infusion last?")]
    [InlineData("I'm worried about the cost")]
    [InlineData("this is urgent, how long does it take")]
    [InlineData("I'm interested in infusions for depression")]
    [InlineData("can ketamine help my chronic pain")]
    public void OrdinaryQuestionsAreKeptAsTheyAre(string text) => Assert.Equal(text, _redactor.Redact(text));

    [Fact]
    public void EmptyInputGivesEmptyOutput()
    {
        Assert.Equal(string.Empty, _redactor.Redact(null));
        Assert.Equal(string.Empty, _redactor.Redact(string.Empty));
    }
}
