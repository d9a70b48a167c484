using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Tests.Core.Data;

public class ValueParsersTests
{
    [Theory]
    [InlineData("$1,234.50", false, 1234.5)]
    [InlineData("₹1,099", false, 1099)]
    [InlineData("₹1,79,691", false, 179691)]
    [InlineData("1.234,50 €", true, 1234.5)]
    [InlineData("€ 3.400,50", false, 3400.5)]
    [InlineData("12 345,6", true, 12345.6)]
    [InlineData("1\u00A0234", false, 1234)]
    [InlineData("£5", false, 5)]
    [InlineData("¥1,000", false, 1000)]
    [InlineData("64%", false, 64)]
    [InlineData("+7", false, 7)]
    [InlineData("(12.5)", false, -12.5)]
    [InlineData("-$3.25", false, -3.25)]
    [InlineData("1,5", false, 1.5)]
    [InlineData("1.5", true, 1.5)]
    [InlineData("1.234", true, 1234)]
    [InlineData("Rs. 250", false, 250)]
    public void NumberParser_LenientFormats_ReadsValue(string text, bool decimalComma, double expected)
    {
        Assert.True(NumberParser.TryParse(text, decimalComma, out var value));
        Assert.Equal(expected, value, 1e-9);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12 apples")]
    [InlineData("2023-06-04")]
    [InlineData("12.05.2023")]
    [InlineData("1,2,3")]
    [InlineData("$")]
    [InlineData("")]
    public void NumberParser_NotANumber_ReturnsFalse(string text)
    {
        Assert.False(NumberParser.TryParse(text, decimalComma: false, out _));
    }

    [Theory]
    [InlineData("inf")]
    [InlineData("-Infinity")]
    public void NumberParser_Infinity_ReturnsInfinityForTheCallerToWarnAbout(string text)
    {
        Assert.True(NumberParser.TryParse(text, false, out var value));
        Assert.True(double.IsInfinity(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("n/a")]
    [InlineData("NULL")]
    [InlineData("None")]
    [InlineData("-")]
    [InlineData("nan")]
    [InlineData("#N/A")]
    [InlineData("?")]
    [InlineData("  ")]
    public void MissingMarkers_KnownMarkers_AreMissing(string text)
    {
        Assert.True(MissingMarkers.IsMissing(text.AsSpan()));
        Assert.True(MissingMarkers.IsMissing(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("Nancy")]
    [InlineData("0")]
    [InlineData("--")]
    public void MissingMarkers_OrdinaryValues_AreNotMissing(string text)
    {
        Assert.False(MissingMarkers.IsMissing(text.AsSpan()));
        Assert.False(MissingMarkers.IsMissing(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void DateParser_AmbiguousSlashes_ReadMonthFirst()
    {
        var days = DateParser.TryParseAll(["01/02/2024", "03/04/2024"]);

        Assert.NotNull(days);
        Assert.Equal(new DateTime(2024, 1, 2), DateTimeValues.ToDateTime(days["01/02/2024"]));
    }

    [Fact]
    public void DateParser_AnyDayAboveTwelveFirst_ReadsWholeColumnDayFirst()
    {
        var days = DateParser.TryParseAll(["01/02/2024", "25/12/2023"]);

        Assert.NotNull(days);
        Assert.Equal(new DateTime(2024, 2, 1), DateTimeValues.ToDateTime(days["01/02/2024"]));
    }

    [Fact]
    public void DateParser_IsoWithOffset_StoredAsUtc()
    {
        var days = DateParser.TryParseAll(["2023-06-04T10:00:00+02:00", "2023-06-04T10:00:00Z"]);

        Assert.NotNull(days);
        Assert.Equal(new DateTime(2023, 6, 4, 8, 0, 0), DateTimeValues.ToDateTime(days["2023-06-04T10:00:00+02:00"]));
        Assert.Equal(new DateTime(2023, 6, 4, 10, 0, 0), DateTimeValues.ToDateTime(days["2023-06-04T10:00:00Z"]));
    }

    [Fact]
    public void DateParser_OneValueNotADate_WholeColumnIsNotDates()
    {
        Assert.Null(DateParser.TryParseAll(["2023-06-04", "soon"]));
    }

    [Theory]
    [InlineData("id", true)]
    [InlineData("ID", true)]
    [InlineData("CustomerID", true)]
    [InlineData("CustomerId", true)]
    [InlineData("Cus_ID", true)]
    [InlineData("customer_id", true)]
    [InlineData("Paid", false)]
    [InlineData("Video", false)]
    [InlineData("Age", false)]
    public void KindInference_IdLikeNames(string name, bool expected)
    {
        Assert.Equal(expected, KindInference.LooksLikeIdName(name));
    }

    [Fact]
    public void Load_FewDistinctIntegers_StayNumeric()
    {
        var dataset = CsvLoader.LoadText("Channel,Region\n1,3\n2,1\n1,2\n1,3\n2,3\n");

        Assert.All(dataset.Columns, column => Assert.Equal(ColumnKind.Numeric, column.Kind));
    }

    [Fact]
    public void Load_RowNumberColumn_IsIdentifierButUniqueMeasurementsStayNumeric()
    {
        // "row" counts up by one (a row number); "age" holds unique, consecutive values in shuffled order.
        var rows = string.Concat(Enumerable.Range(0, 25).Select(i => $"{i + 1},{20 + ((i * 7) % 25)}\n"));

        var dataset = CsvLoader.LoadText("row,age\n" + rows);

        Assert.Equal(ColumnKind.Identifier, dataset["row"].Kind);
        Assert.Equal(ColumnKind.Numeric, dataset["age"].Kind);
    }

    [Fact]
    public void Load_NumericColumnWithLaterText_BecomesCategoricalKeepingNumbers()
    {
        var dataset = CsvLoader.LoadText("size\n1\n2\n10\nXL\n2\n");

        var size = Assert.IsType<CategoricalColumn>(dataset["size"]);
        Assert.Equal(["1", "10", "2", "XL"], size.Levels.ToArray());
        Assert.Equal("10", size.Format(2));
    }

    [Fact]
    public void Load_ManyDistinctLongStrings_IsText()
    {
        var rows = string.Concat(Enumerable.Range(0, 300).Select(i => $"{i % 4},Customer said something different number {i}\n"));

        var dataset = CsvLoader.LoadText("score,feedback\n" + rows);

        Assert.Equal(ColumnKind.Text, dataset["feedback"].Kind);
        Assert.Equal(ColumnKind.Numeric, dataset["score"].Kind);
    }

    [Fact]
    public void FastDecimal_RandomDecimals_SameBitsAsDoubleParse()
    {
        // Arrange: values written with 0 to 15 digits, as CSV exporters write them.
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 10));
            var text = value.ToString("F" + random.Next(0, 7), System.Globalization.CultureInfo.InvariantCulture);

            // Act
            var parsed = FastDecimal.TryParse(System.Text.Encoding.ASCII.GetBytes(text), (byte)'.', out var fast);

            // Assert
            if (parsed)
            {
                Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), fast);
            }
        }
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1234567890123456")]
    [InlineData("12a")]
    public void FastDecimal_NotPlainDecimal_LeftToFullParser(string text)
    {
        Assert.False(FastDecimal.TryParse(System.Text.Encoding.ASCII.GetBytes(text), (byte)'.', out _));
    }

    [Theory]
    [InlineData("-0.123456", -0.123456)]
    [InlineData("+42", 42)]
    [InlineData("5.", 5)]
    [InlineData(".5", 0.5)]
    public void FastDecimal_PlainDecimal_Parsed(string text, double expected)
    {
        Assert.True(FastDecimal.TryParse(System.Text.Encoding.ASCII.GetBytes(text), (byte)'.', out var value));
        Assert.Equal(expected, value);
    }
}
