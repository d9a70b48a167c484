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

        // The column is called "Name" (contact details, left out by default): asked for, to pin the escaping.
        LabeledCsvWriter.Write(stream, dataset, [1, -1, 0], ["Big spenders", "Critics"], includeContact: true);

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

        LabeledCsvWriter.Write(stream, dataset, [0, 0, 0], ["A, \"quoted\" name"], includeContact: true);

        var rows = ParseRfc4180(Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF'));
        Assert.Equal(4, rows.Count);
        Assert.Equal("Line one\nline \"two\"", rows[2][0]);
        Assert.Equal("A, \"quoted\" name", rows[1][3]);
        Assert.Equal("-12.5", rows[1][1]);
    }

    private static Dataset WithContacts() => CsvLoader.LoadText(
        "CustomerID,Full_Name,Email,Phone,Street_Address,PostalCode,Income\n" +
        "C1,Ana Lind,ana@example.com,+46 8 123 456,Storgatan 1,11122,50000\n" +
        "C2,Björn Berg,bjorn@example.com,+46 8 654 321,Kungsgatan 9,11356,42000\n" +
        "C3,Chloé Roux,chloe@example.com,+33 1 23 45 67,Rue de Rivoli 3,75001,61000\n",
        "crm.csv");

    [Fact]
    public void Write_ContactColumns_LeftOutByDefaultCustomerIdKept()
    {
        using var stream = new MemoryStream();

        LabeledCsvWriter.Write(stream, WithContacts(), [0, 1, 0], ["A", "B"]);

        var text = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF');
        Assert.Equal("CustomerID,Income,Segment,Segment name\r\nC1,50000,0,A\r\nC2,42000,1,B\r\nC3,61000,0,A\r\n", text);
    }

    [Fact]
    public void Write_IncludeContact_EveryColumn()
    {
        using var stream = new MemoryStream();

        LabeledCsvWriter.Write(stream, WithContacts(), [0, 1, 0], ["A", "B"], includeContact: true);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("CustomerID,Full_Name,Email,Phone,Street_Address,PostalCode,Income,Segment,Segment name", lines[0]);
        Assert.Equal("C1,Ana Lind,ana@example.com,'+46 8 123 456,Storgatan 1,11122,50000,0,A", lines[1]);
    }

    [Fact]
    public void Write_CustomerColumnReadsLikeAName_KeptAsTheIdentifier()
    {
        var dataset = CsvLoader.LoadText("CUSTOMERNAME,PHONE,SALES\nLand of Toys,212 555 7818,100\nMini Gifts,415 555 1450,200\n", "orders.csv") with { CustomerIdColumn = "CUSTOMERNAME" };
        using var stream = new MemoryStream();

        LabeledCsvWriter.Write(stream, dataset, [0, 1], ["A", "B"]);

        var text = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF');
        Assert.StartsWith("CUSTOMERNAME,SALES,Segment,Segment name\r\nLand of Toys,100,0,A\r\n", text, StringComparison.Ordinal);
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
