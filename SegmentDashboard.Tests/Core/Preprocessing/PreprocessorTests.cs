using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Preprocessing;

public sealed class PreprocessorTests
{
    [Fact]
    public void Prepare_ZScore_EqualsDeviationOverPopulationStd()
    {
        var dataset = Data(new NumericColumn("A", [1, 2, 3, 10]));

        var prepared = Preprocessor.Prepare(dataset, Options("A"));

        var mean = 4.0;
        var std = Math.Sqrt(((9.0 + 4 + 1 + 36) / 4)); // population (n) standard deviation
        double[] values = [1.0, 2, 3, 10];
        for (var i = 0; i < 4; i++)
        {
            Tolerance.AssertClose((values[i] - mean) / std, prepared.Matrix[i, 0]);
        }

        Tolerance.AssertClose(mean, prepared.Features[0].Center);
        Tolerance.AssertClose(std, prepared.Features[0].Scale);
    }

    [Fact]
    public void Prepare_MinMax_MapsToUnitInterval()
    {
        var dataset = Data(new NumericColumn("A", [2, 4, 6]));

        var prepared = Preprocessor.Prepare(dataset, Options("A") with { Scaling = ScalingMethod.MinMax });

        Assert.Equal([0.0, 0.5, 1.0], prepared.Matrix.CopyColumn(0));
    }

    [Fact]
    public void Prepare_Robust_UsesMedianAndInterquartileRange()
    {
        var dataset = Data(new NumericColumn("A", [1, 2, 3, 4, 100]));

        var prepared = Preprocessor.Prepare(dataset, Options("A") with { Scaling = ScalingMethod.Robust });

        // median 3, Q1 2, Q3 4 (linear interpolation, as NumPy / scikit-learn's RobustScaler): IQR 2
        Assert.Equal(3, prepared.Features[0].Center);
        Assert.Equal(2, prepared.Features[0].Scale);
        Assert.Equal([-1.0, -0.5, 0, 0.5, 48.5], prepared.Matrix.CopyColumn(0));
    }

    [Fact]
    public void Prepare_NoScaling_MatrixHoldsTheValues()
    {
        var dataset = Data(new NumericColumn("A", [5, 7, 9]));

        var prepared = Preprocessor.Prepare(dataset, Options("A") with { Scaling = ScalingMethod.None });

        Assert.Equal([5.0, 7, 9], prepared.Matrix.CopyColumn(0));
        Assert.Equal(0, prepared.Features[0].Center);
        Assert.Equal(1, prepared.Features[0].Scale);
    }

    [Theory]
    [InlineData(MissingValueStrategy.Mean, 14.0 / 3)]
    [InlineData(MissingValueStrategy.Median, 2)]
    [InlineData(MissingValueStrategy.MostFrequent, 2)]
    [InlineData(MissingValueStrategy.Constant, -1)]
    public void Prepare_ImputationStrategy_FillsMissingValue(MissingValueStrategy strategy, double expectedFill)
    {
        var dataset = Data(new NumericColumn("A", [2, double.NaN, 2, 10]));

        var prepared = Preprocessor.Prepare(dataset, Options("A") with { Missing = strategy, ConstantFill = -1, Scaling = ScalingMethod.None });

        Assert.Equal(4, prepared.Matrix.Rows);
        Tolerance.AssertClose(expectedFill, prepared.Matrix[1, 0]);
        Assert.Equal(0, prepared.DroppedRows);
        Assert.Equal([0, 1, 2, 3], prepared.SourceRows.ToArray());
    }

    [Fact]
    public void Prepare_DropRows_KeepsSourceRowsOfCompleteRows()
    {
        var dataset = Data(
            new NumericColumn("A", [1, double.NaN, 3, 4, 5]),
            new CategoricalColumn("C", [0, 1, -1, 0, 1], ["x", "y"]),
            new NumericColumn("Unused", [double.NaN, 1, 1, double.NaN, 2]));

        var prepared = Preprocessor.Prepare(dataset, Options("A", "C") with { Missing = MissingValueStrategy.DropRows, Scaling = ScalingMethod.None });

        Assert.Equal([0, 3, 4], prepared.SourceRows.ToArray());
        Assert.Equal(2, prepared.DroppedRows);
        Assert.Equal([1.0, 4, 5], prepared.Matrix.CopyColumn(0));
        Assert.Equal(["A", "C = x", "C = y"], prepared.Matrix.ColumnNames.ToArray());
        Assert.Equal([1.0, 1, 0], prepared.Matrix.CopyColumn(1));
    }

    [Fact]
    public void Prepare_DropRowsLeavingConstantColumn_ExcludesItWithReason()
    {
        var dataset = Data(
            new NumericColumn("A", [1, 2, 3, 4]),
            new NumericColumn("B", [7, 7, 7, 8]),
            new NumericColumn("Gap", [0, 1, 2, double.NaN]));

        var prepared = Preprocessor.Prepare(dataset, Options("A", "B", "Gap") with { Missing = MissingValueStrategy.DropRows });

        Assert.Equal(["A", "Gap"], prepared.Matrix.ColumnNames.ToArray());
        Assert.Equal([0, 1, 2], prepared.SourceRows.ToArray());
        Assert.Contains(prepared.Excluded, e => e.Name == "B" && e.Reason.Contains("same value", StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_CategoricalOverCap_KeepsMostFrequentAndOther()
    {
        // a x5, b x4, c x3, d x2, e x1; MaxLevels 3 -> a, b and Other
        int[] codes = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4];
        var dataset = Data(new CategoricalColumn("Cat", [.. codes], ["a", "b", "c", "d", "e"]));

        var prepared = Preprocessor.Prepare(dataset, Options("Cat") with { MaxLevels = 3, Scaling = ScalingMethod.None });

        Assert.Equal(["Cat = a", "Cat = b", "Cat = Other"], prepared.Matrix.ColumnNames.ToArray());
        Assert.Equal(new string?[] { "a", "b", "Other" }, prepared.Features.Select(f => f.Level));
        Assert.All(prepared.Features, f => Assert.Equal("Cat", f.SourceColumn));
        Assert.Equal(codes.Select(c => c >= 2 ? 1.0 : 0).ToArray(), prepared.Matrix.CopyColumn(2));
        Assert.Equal(codes.Select(c => c == 0 ? 1.0 : 0).ToArray(), prepared.Matrix.CopyColumn(0));
    }

    [Fact]
    public void Prepare_OneHotColumnsUnderZScore_StayZeroOne_WhileNumericColumnsAreScaled()
    {
        var dataset = Data(
            new CategoricalColumn("Cat", [0, 0, 0, 1], ["a", "b"]),
            new NumericColumn("Num", [1.0, 2, 3, 4]));

        var prepared = Preprocessor.Prepare(dataset, Options("Cat", "Num"));

        // "Cat = a" is 1,1,1,0 and is left as it is (centre 0, scale 1) ...
        Assert.Equal(("Cat = a", 0.0, 1.0), (prepared.Features[0].Name, prepared.Features[0].Center, prepared.Features[0].Scale));
        Assert.Equal([1.0, 1, 1, 0], prepared.Matrix.CopyColumn(0));
        // ... while Num is z-scored: mean 2.5, population std sqrt(1.25).
        var num = prepared.Features.Single(f => f.Name == "Num");
        Tolerance.AssertClose(2.5, num.Center);
        Tolerance.AssertClose(Math.Sqrt(1.25), num.Scale);
    }

    [Fact]
    public void Prepare_CategoricalMissingWithMedian_ImputesMostFrequentLevel()
    {
        var dataset = Data(new CategoricalColumn("Cat", [1, -1, 1, 0], ["a", "b"]));

        var prepared = Preprocessor.Prepare(dataset, Options("Cat") with { Scaling = ScalingMethod.None });

        Assert.Equal(["Cat = b", "Cat = a"], prepared.Matrix.ColumnNames.ToArray());
        Assert.Equal([1.0, 1, 1, 0], prepared.Matrix.CopyColumn(0));
    }

    [Fact]
    public void Prepare_CategoricalMissingWithConstant_AddsMissingLevel()
    {
        var dataset = Data(new CategoricalColumn("Cat", [1, -1, 1, 0], ["a", "b"]));

        var prepared = Preprocessor.Prepare(dataset, Options("Cat") with { Missing = MissingValueStrategy.Constant, Scaling = ScalingMethod.None });

        Assert.Equal(["Cat = b", "Cat = a", "Cat = (missing)"], prepared.Matrix.ColumnNames.ToArray());
        Assert.Equal([0.0, 1, 0, 0], prepared.Matrix.CopyColumn(2));
    }

    [Fact]
    public void Prepare_MultiValued_MultiHotWithMostFrequentLevelForMissing()
    {
        ImmutableArray<int>[] cells = [[0, 1], [1], [2], []];
        var dataset = Data(new MultiCategoricalColumn("Interests", [.. cells], ["x", "y", "z"], ';'));

        var prepared = Preprocessor.Prepare(dataset, Options("Interests") with { Scaling = ScalingMethod.None });

        // y appears in 2 rows (3 after imputing the empty row), x and z in one each
        Assert.Equal(["Interests = y", "Interests = x", "Interests = z"], prepared.Matrix.ColumnNames.ToArray());
        Assert.Equal([1.0, 1, 0, 1], prepared.Matrix.CopyColumn(0));
        Assert.Equal([1.0, 0, 0, 0], prepared.Matrix.CopyColumn(1));
        Assert.Equal([0.0, 0, 1, 0], prepared.Matrix.CopyColumn(2));
    }

    [Fact]
    public void Prepare_Boolean_EncodedAsZeroOne()
    {
        var dataset = Data(new NumericColumn("Prime", ColumnKind.Boolean, [1, 0, 1]));

        var prepared = Preprocessor.Prepare(dataset, Options("Prime") with { Scaling = ScalingMethod.None });

        Assert.Equal([1.0, 0, 1], prepared.Matrix.CopyColumn(0));
    }

    [Fact]
    public void Prepare_IdentifierConstantAndEmptyAsked_ExcludedWithReasons()
    {
        var dataset = Data(
            new TextColumn("Id", ColumnKind.Identifier, ["a", "b", "c"]),
            new TextColumn("Comment", ColumnKind.Text, ["good", "bad", "ok"]),
            new CategoricalColumn("Country", [0, 0, 0], ["India"]),
            new NumericColumn("Empty", [double.NaN, double.NaN, double.NaN]),
            new NumericColumn("Income", [10, 20, 30]));

        var prepared = Preprocessor.Prepare(dataset, Options("Id", "Comment", "Country", "Empty", "Income"));

        Assert.Equal(["Income"], prepared.Matrix.ColumnNames.ToArray());
        var reasons = prepared.Excluded.ToDictionary(e => e.Name, e => e.Reason);
        Assert.Equal("'Country' has the same value in every row.", reasons["Country"]);
        Assert.Contains("identifier", reasons["Id"], StringComparison.Ordinal);
        Assert.Contains("free text", reasons["Comment"], StringComparison.Ordinal);
        Assert.Equal("'Empty' has no values.", reasons["Empty"]);
    }

    [Fact]
    public void DefaultFeatures_MixedDataset_UsableNonIdentifierColumnsOnly()
    {
        var dataset = Data(
            new TextColumn("Id", ColumnKind.Identifier, ["a", "b", "c"]),
            new NumericColumn("Age", [20, 30, 40]),
            new NumericColumn("Prime", ColumnKind.Boolean, [1, 0, 1]),
            new NumericColumn("Joined", ColumnKind.DateTime, [700_000, 700_100, 700_200]),
            new CategoricalColumn("Country", [0, 0, 0], ["India"]),
            new CategoricalColumn("Category", [0, 1, 0], ["Books", "Toys"]),
            new MultiCategoricalColumn("Tags", [[0], [1], [0, 1]], ["p", "q"], ';'),
            new TextColumn("Comment", ColumnKind.Text, ["good", "bad", "ok"]),
            new NumericColumn("Empty", [double.NaN, double.NaN, double.NaN]));

        var features = Preprocessor.DefaultFeatures(dataset);

        Assert.Equal(["Age", "Prime", "Category", "Tags"], features);
    }

    [Fact]
    public void Prepare_NoFeaturesGiven_UsesDefaultsAndReportsConstantOnes()
    {
        var dataset = Data(
            new TextColumn("Id", ColumnKind.Identifier, ["a", "b", "c"]),
            new NumericColumn("Age", [20, 30, 40]),
            new CategoricalColumn("Country", [0, 0, 0], ["India"]));

        var prepared = Preprocessor.Prepare(dataset, PreprocessingOptions.Default);

        Assert.Equal(["Age"], prepared.Matrix.ColumnNames.ToArray());
        Assert.Equal(["Country"], prepared.Excluded.Select(e => e.Name).ToArray());
    }

    [Fact]
    public void Prepare_UnknownFeature_ThrowsNamingIt()
    {
        var dataset = Data(new NumericColumn("Age", [20, 30, 40]));

        var error = Assert.Throws<InvalidInputException>(() => Preprocessor.Prepare(dataset, Options("Age", "Incme")));

        Assert.Equal("Features", error.ParamName);
        Assert.Contains("'Incme'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_NothingUsable_ThrowsWithReasons()
    {
        var dataset = Data(
            new TextColumn("Id", ColumnKind.Identifier, ["a", "b", "c"]),
            new NumericColumn("Flat", [1, 1, 1]));

        var error = Assert.Throws<InvalidInputException>(() => Preprocessor.Prepare(dataset, Options("Id", "Flat")));

        Assert.Equal("Features", error.ParamName);
        Assert.Contains("'Flat' has the same value in every row.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_EveryRowMissingSomething_DropRowsThrows()
    {
        var dataset = Data(
            new NumericColumn("A", [1, 2, double.NaN, double.NaN]),
            new NumericColumn("B", [double.NaN, double.NaN, 3, 4]));

        var error = Assert.Throws<InvalidInputException>(() =>
            Preprocessor.Prepare(dataset, Options("A", "B") with { Missing = MissingValueStrategy.DropRows }));

        Assert.Equal("Missing", error.ParamName);
    }

    [Fact]
    public void Prepare_MaxLevelsBelowTwo_Throws()
    {
        var dataset = Data(new NumericColumn("A", [1, 2]));

        var error = Assert.Throws<InvalidInputException>(() => Preprocessor.Prepare(dataset, Options("A") with { MaxLevels = 1 }));

        Assert.Equal("MaxLevels", error.ParamName);
    }

    [Fact]
    public void Prepare_Dataset_NotMutated()
    {
        double[] values = [1, double.NaN, 3];
        int[] codes = [0, -1, 1];
        var dataset = Data(new NumericColumn("A", [.. values]), new CategoricalColumn("C", [.. codes], ["x", "y"]));
        var before = string.Join("|", Enumerable.Range(0, 3).SelectMany(r => dataset.Columns.Select(c => c.Format(r))));

        _ = Preprocessor.Prepare(dataset, Options("A", "C") with { Missing = MissingValueStrategy.Mean });

        var after = string.Join("|", Enumerable.Range(0, 3).SelectMany(r => dataset.Columns.Select(c => c.Format(r))));
        Assert.Equal(before, after);
        Assert.True(double.IsNaN(((NumericColumn)dataset["A"]).Values[1]));
        Assert.Equal(-1, ((CategoricalColumn)dataset["C"]).Codes[1]);
    }

    private static PreprocessingOptions Options(params string[] features) => new([.. features]);

    private static Dataset Data(params Column[] columns) => new("test.csv", [.. columns], columns[0].Count, null, []);
}
