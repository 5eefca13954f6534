using Chatbot.Faq.Dataset;
using Chatbot.Faq.Exchange;

namespace Chatbot.Faq.Tests.Exchange;

public sealed class FaqCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("- a Markdown list item", "- a Markdown list item")]
    [InlineData("", "")]
    public void FieldsAreQuotedAndFormulasDefused(string value, string expected) => Assert.Equal(expected, FaqCsv.Field(value));

    [Fact]
    public void OneRowPerEntryWithExamplesOnePerLineInTheirCell()
    {
        var entry = new FaqEntry("faq/cost", "How much, roughly?", Audience.Patient, ["how much", "price, please"], "It \"depends\".",
            ["booking/appointment"], "S", "O", new DateOnly(2026, 11, 24), null, "Practical", "faq-data/practical.json", 5);
        var writer = new StringWriter();

        FaqCsv.Write(writer, [entry]);
        var rows = ParseCsv(writer.ToString());

        Assert.Equal(2, rows.Count);
        Assert.Equal(FaqCsv.Columns, rows[0]);
        Assert.Equal(["faq/cost", "Practical", "How much, roughly?", "patient", "false", "how much\nprice, please", "It \"depends\".", "booking/appointment", "S", "O", "2026-11-24", ""], rows[1]);
    }

    /// <summary>A strict RFC 4180 reader, so the test checks the output the way a spreadsheet reads it.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
