using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Statistics;

public class ColumnSummariesTests
{
    private static readonly double[] Sample = [2.5, double.NaN, 1, 4, 4, 7.25, -3, 10, 0.5, 6, 3.3, 8.1, -1.2, 5, 2];

    [Fact]
    public void Summarize_NumericColumn_MatchesNumpy()
    {
        // Arrange
        var column = new NumericColumn("x", [.. Sample]);

        // Act
        var summary = ColumnSummaries.Summarize(column);

        // Assert: numpy on the 14 finite values: mean, std(ddof=1), percentile([25, 50, 75]), unique count.
        Assert.Equal((14, 1, 13), (summary.Count, summary.Missing, summary.Distinct));
        Assert.Equal((-3.0, 10.0), (summary.Min, summary.Max));
        Tolerance.AssertClose(3.532142857142857, summary.Mean);
        Tolerance.AssertClose(3.6091554063593256, summary.StandardDeviation);
        Tolerance.AssertClose(1.25, summary.Q1);
        Tolerance.AssertClose(3.65, summary.Median);
        Tolerance.AssertClose(5.75, summary.Q3);
        Tolerance.AssertClose(1 / 15.0, summary.MissingShare);
        Assert.Empty(summary.TopLevels);
    }

    [Fact]
    public void Summarize_NumericColumn_DoesNotMutateValues()
    {
        var values = ImmutableArray.Create(Sample);
        var column = new NumericColumn("x", values);

        _ = ColumnSummaries.Summarize(column);

        Assert.Equal(Sample, column.Values.ToArray());
    }

    [Fact]
    public void Summarize_AllMissing_StatisticsAreNaN()
    {
        var summary = ColumnSummaries.Summarize(new NumericColumn("x", [double.NaN, double.NaN]));

        Assert.Equal((0, 2, 0), (summary.Count, summary.Missing, summary.Distinct));
        Assert.True(double.IsNaN(summary.Mean) && double.IsNaN(summary.Min) && double.IsNaN(summary.Median) && double.IsNaN(summary.StandardDeviation));
    }

    [Fact]
    public void Summarize_SingleValue_StandardDeviationIsNaN()
    {
        var summary = ColumnSummaries.Summarize(new NumericColumn("x", [4.0]));

        Assert.Equal(4.0, summary.Median);
        Assert.True(double.IsNaN(summary.StandardDeviation));
    }

    [Fact]
    public void Summarize_Categorical_TopLevelsByCountThenName()
    {
        var column = new CategoricalColumn("g", [0, 1, 2, 1, -1, 2, 1], ["a", "b", "c", "unused"]);

        var summary = ColumnSummaries.Summarize(column, topLevels: 2);

        Assert.Equal((6, 1, 3), (summary.Count, summary.Missing, summary.Distinct));
        Assert.Equal([new LevelCount("b", 3), new LevelCount("c", 2)], summary.TopLevels.ToArray());
        Assert.True(double.IsNaN(summary.Mean));
    }

    [Fact]
    public void Summarize_MultiCategorical_CountsEveryToken()
    {
        var column = new MultiCategoricalColumn("m", [[0, 1], [1], [], [2, 1]], ["Books", "Toys", "Garden"], ';');

        var summary = ColumnSummaries.Summarize(column);

        Assert.Equal((3, 1, 3), (summary.Count, summary.Missing, summary.Distinct));
        Assert.Equal([new LevelCount("Toys", 3), new LevelCount("Books", 1), new LevelCount("Garden", 1)], summary.TopLevels.ToArray());
    }

    [Fact]
    public void Summarize_Boolean_HasYesNoLevelsAndMean()
    {
        var column = new NumericColumn("b", ColumnKind.Boolean, [1, 0, 1, double.NaN, 1]);

        var summary = ColumnSummaries.Summarize(column);

        Assert.Equal(0.75, summary.Mean);
        Assert.Equal([new LevelCount("Yes", 3), new LevelCount("No", 1)], summary.TopLevels.ToArray());
    }

    [Fact]
    public void Summarize_Text_CountsDistinctValues()
    {
        var column = new TextColumn("t", ColumnKind.Text, ["x", null, "y", "x", ""]);

        var summary = ColumnSummaries.Summarize(column);

        Assert.Equal((3, 2, 2), (summary.Count, summary.Missing, summary.Distinct));
        Assert.Equal(new LevelCount("x", 2), summary.TopLevels[0]);
    }

    [Fact]
    public void Summarize_Dataset_OneSummaryPerColumnInOrder()
    {
        var dataset = CsvLoader.LoadText("a,b\n1,x\n2,y\n");

        var summaries = ColumnSummaries.Summarize(dataset);

        Assert.Equal(["a", "b"], summaries.Select(s => s.Name));
    }
}
