using SegmentDashboard.Core.Data;

namespace SegmentDashboard.Tests.Core.Data;

public class ColumnConversionTests
{
    [Fact]
    public void Convert_NumericToCategorical_LevelsInNumericOrder()
    {
        var column = new NumericColumn("Channel", [2, 10, 1, double.NaN, 2]);

        var (converted, message) = ColumnConversion.Convert(column, ColumnKind.Categorical);

        var categorical = Assert.IsType<CategoricalColumn>(converted);
        Assert.Equal(["1", "2", "10"], categorical.Levels.ToArray());
        Assert.Equal([1, 2, 0, -1, 1], categorical.Codes.ToArray());
        Assert.Null(message);
        Assert.Equal([2.0, 10, 1, double.NaN, 2], column.Values.ToArray()); // input untouched
    }

    [Fact]
    public void Convert_CategoricalToNumeric_UnparsableBecomeMissingWithCount()
    {
        var column = new CategoricalColumn("price", [0, 1, 2, -1, 0], ["$12.50", "free", "1,234"]);

        var (converted, message) = ColumnConversion.Convert(column, ColumnKind.Numeric);

        var numeric = Assert.IsType<NumericColumn>(converted);
        Assert.Equal([12.5, double.NaN, 1234, double.NaN, 12.5], numeric.Values.ToArray());
        Assert.NotNull(message);
        Assert.Contains("1 of 4 values", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_IdentifierToCategorical_KeepsValues()
    {
        var column = new TextColumn("code", ColumnKind.Identifier, ["b", "a", null]);

        var (converted, message) = ColumnConversion.Convert(column, ColumnKind.Categorical);

        var categorical = Assert.IsType<CategoricalColumn>(converted);
        Assert.Equal(["a", "b"], categorical.Levels.ToArray());
        Assert.Equal("b", categorical.Format(0));
        Assert.True(categorical.IsMissing(2));
        Assert.Null(message);
    }

    [Fact]
    public void Convert_CategoricalToText_FormatsValues()
    {
        var column = new CategoricalColumn("g", [1, -1, 0], ["F", "M"]);

        var (converted, _) = ColumnConversion.Convert(column, ColumnKind.Text);

        var text = Assert.IsType<TextColumn>(converted);
        Assert.Equal(ColumnKind.Text, text.Kind);
        Assert.Equal(new string?[] { "M", null, "F" }, text.Values.AsEnumerable());
    }

    [Fact]
    public void Convert_NumericToIdentifier_KeepsFormattedNumbers()
    {
        var (converted, _) = ColumnConversion.Convert(new NumericColumn("n", [301219, 301220]), ColumnKind.Identifier);

        Assert.Equal(new string?[] { "301219", "301220" }, ((TextColumn)converted).Values.AsEnumerable());
        Assert.Equal(ColumnKind.Identifier, converted.Kind);
    }

    [Fact]
    public void Convert_NumericToBoolean_OtherThanZeroOneLost()
    {
        var (converted, message) = ColumnConversion.Convert(new NumericColumn("b", [0, 1, 2, double.NaN]), ColumnKind.Boolean);

        Assert.Equal(ColumnKind.Boolean, converted.Kind);
        Assert.Equal([0.0, 1, double.NaN, double.NaN], ((NumericColumn)converted).Values.ToArray());
        Assert.Contains("1 of 3 values", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_BooleanToNumeric_KeepsOnesAndZeros()
    {
        var (converted, message) = ColumnConversion.Convert(new NumericColumn("b", ColumnKind.Boolean, [1, 0]), ColumnKind.Numeric);

        Assert.Equal(ColumnKind.Numeric, converted.Kind);
        Assert.Equal([1.0, 0.0], ((NumericColumn)converted).Values.ToArray());
        Assert.Null(message);
    }

    [Fact]
    public void Convert_TextToBoolean_ReadsYesNo()
    {
        var (converted, message) = ColumnConversion.Convert(new TextColumn("t", ColumnKind.Text, ["Yes", "n", "maybe", null]), ColumnKind.Boolean);

        Assert.Equal([1.0, 0, double.NaN, double.NaN], ((NumericColumn)converted).Values.ToArray());
        Assert.Contains("1 of 3", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_TextToDate_ParsesDates()
    {
        var (converted, message) = ColumnConversion.Convert(new TextColumn("d", ColumnKind.Text, ["2023-06-04", "later"]), ColumnKind.DateTime);

        Assert.Equal(ColumnKind.DateTime, converted.Kind);
        Assert.Equal(new DateTime(2023, 6, 4), DateTimeValues.ToDateTime(((NumericColumn)converted).Values[0]));
        Assert.True(converted.IsMissing(1));
        Assert.NotNull(message);
    }

    [Fact]
    public void Convert_CategoricalToMultiCategorical_SplitsOnCommonSeparator()
    {
        var column = new CategoricalColumn("c", [0, 1, 2], ["Books|Toys", "Toys", "Garden|Books"]);

        var (converted, _) = ColumnConversion.Convert(column, ColumnKind.MultiCategorical);

        var multi = Assert.IsType<MultiCategoricalColumn>(converted);
        Assert.Equal('|', multi.Separator);
        Assert.Equal(["Books", "Garden", "Toys"], multi.Levels.ToArray());
        Assert.Equal("Garden|Books", multi.Format(2));
    }

    [Fact]
    public void Convert_SameKind_ReturnsSameColumn()
    {
        var column = new NumericColumn("x", [1.0]);

        var (converted, message) = ColumnConversion.Convert(column, ColumnKind.Numeric);

        Assert.Same(column, converted);
        Assert.Null(message);
    }
}
