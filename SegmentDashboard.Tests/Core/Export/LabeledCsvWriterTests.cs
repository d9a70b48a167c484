using System.Collections.Immutable;
using System.Text;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Export;

namespace SegmentDashboard.Tests.Core.Export;

public sealed class LabeledCsvWriterTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("@x", "'@x")]
    [InlineData("-x", "'-x")]
    [InlineData("+1", "'+1")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("-", "-")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public void EscapeCell_Value_NeutralizedAndQuoted(string value, string expected)
    {
        Assert.Equal(expected, LabeledCsvWriter.EscapeCell(value));
    }

    [Fact]
    public void Write_Dataset_BomHeaderSegmentsAndNoiseEmpty()
    {
        var dataset = Tiny();
        using var stream = new MemoryStream();

        LabeledCsvWriter.Write(stream, dataset, [1, -1, 0], ["Big spenders", "Critics"]);

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal(
            "Name,Balance,Segment,Segment name\r\n" +
            "'=SUM(A1),-12.5,1,Critics\r\n" +
            "\"Line one\nline \"\"two\"\"\",3,,\r\n" +
            "'@x,,0,Big spenders\r\n",
            text);
    }

    [Fact]
    public void Write_QuotesAndNewlines_RoundTripThroughRfc4180Parser()
    {
        var dataset = Tiny();
        using var stream = new MemoryStream();

        LabeledCsvWriter.Write(stream, dataset, [0, 0, 0], ["A, \"quoted\" name"]);

        var rows = ParseRfc4180(Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF'));
        Assert.Equal(4, rows.Count);
        Assert.Equal("Line one\nline \"two\"", rows[2][0]);
        Assert.Equal("A, \"quoted\" name", rows[1][3]);
        Assert.Equal("-12.5", rows[1][1]);
    }

    [Fact]
    public void Write_DatasetAlreadyHasSegmentColumn_HeaderMadeUnique()
    {
        var dataset = new Dataset("d", [new TextColumn("Segment", ColumnKind.Text, ["x"])], 1, null, []);
        using var stream = new MemoryStream();

        LabeledCsvWriter.Write(stream, dataset, [0], ["A"]);

        var text = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF');
        Assert.StartsWith("Segment,Segment (2),Segment name\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WrongLabelCount_Throws()
    {
        using var stream = new MemoryStream();

        Assert.Throws<ArgumentException>(() => LabeledCsvWriter.Write(stream, Tiny(), [0], ["A"]));
    }

    private static Dataset Tiny() => new(
        "tiny.csv",
        [
            new TextColumn("Name", ColumnKind.Text, ImmutableArray.Create<string?>("=SUM(A1)", "Line one\nline \"two\"", "@x")),
            new NumericColumn("Balance", [-12.5, 3, double.NaN]),
        ],
        3,
        null,
        []);

    /// <summary>A minimal RFC 4180 reader, independent of the project's loader.</summary>
    private static List<List<string>> ParseRfc4180(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(ch);
            }
        }

        return rows;
    }
}
