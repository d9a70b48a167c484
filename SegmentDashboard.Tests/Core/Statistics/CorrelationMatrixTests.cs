using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Statistics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Statistics;

public class CorrelationMatrixTests
{
    [Fact]
    public void Compute_PairwiseComplete_MatchesPandas()
    {
        // Arrange: a numeric column, a second with a different missing row, a boolean, and a text column (left out).
        var dataset = new Dataset(
            "t",
            [
                new NumericColumn("a", [1, 2, 3, 4, 5, 6, double.NaN, 8]),
                new NumericColumn("b", [2, 1, 4, 3, 7, double.NaN, 5, 9]),
                new TextColumn("id", ColumnKind.Identifier, ["1", "2", "3", "4", "5", "6", "7", "8"]),
                new NumericColumn("c", ColumnKind.Boolean, [1, 0, 1, 0, 1, 1, 0, 0]),
            ],
            8,
            null,
            []);

        // Act
        var matrix = CorrelationMatrix.Compute(dataset);

        // Assert: pandas DataFrame({'a','b','c'}).corr() (pairwise complete observations).
        Assert.Equal(["a", "b", "c"], matrix.Names.ToArray());
        double[,] expected =
        {
            { 1.0, 0.9248915820370678, -0.2032858495125075 },
            { 0.9248915820370678, 1.0, -0.03159120118032823 },
            { -0.2032858495125075, -0.03159120118032823, 1.0 },
        };
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Tolerance.AssertClose(expected[i, j], matrix[i, j], 1e-12, $"r[{i},{j}]");
            }
        }
    }

    [Fact]
    public void Compute_ConstantOrTooFewRows_IsNaN()
    {
        var dataset = new Dataset(
            "t",
            [
                new NumericColumn("x", [1, 2, 3]),
                new NumericColumn("constant", [5, 5, 5]),
                new NumericColumn("sparse", [double.NaN, 1, double.NaN]),
            ],
            3,
            null,
            []);

        var matrix = CorrelationMatrix.Compute(dataset);

        Assert.True(double.IsNaN(matrix[0, 1]));
        Assert.True(double.IsNaN(matrix[1, 1]));
        Assert.True(double.IsNaN(matrix[0, 2]));
        Assert.Equal(1.0, matrix[0, 0]);
    }
}
