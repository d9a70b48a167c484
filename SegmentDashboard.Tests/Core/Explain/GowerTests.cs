using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Core.Explain;

public sealed class GowerTests
{
    [Fact]
    public void Distance_HandWorkedRows_FollowGowersDefinition()
    {
        // Arrange: age range 60 - 20 = 40, income range 90 - 30 = 60.
        // Rows 0 and 1: |20 - 60| / 40 = 1, |30 - 90| / 60 = 1, sex differs 1, city same 0 -> 3 / 4.
        // Rows 0 and 2: |20 - 40| / 40 = 0.5, |30 - 60| / 60 = 0.5, sex same 0, city missing -> 1 / 3.
        var data = MixedData.FromRows(
            [[20, 30], [60, 90], [40, 60]],
            [[0, 1], [1, 1], [0, -1]]);
        var ranges = Gower.Ranges(data);

        // Act
        var d01 = Gower.Distance(data, ranges, 0, 1);
        var d02 = Gower.Distance(data, ranges, 0, 2);
        var d12 = Gower.Distance(data, ranges, 1, 2);

        // Assert: rows 1 and 2: 0.5 + 0.5 + 1 (sex) over 3 compared features.
        Assert.Equal(0.75, d01, 1e-15);
        Assert.Equal(1.0 / 3.0, d02, 1e-15);
        Assert.Equal(2.0 / 3.0, d12, 1e-15);
    }

    [Fact]
    public void Matrix_RandomMixedRows_EqualsANaiveImplementation()
    {
        // Arrange
        var random = new Random(4);
        var numeric = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble() * 100, random.Next(0, 5) == 0 ? double.NaN : random.NextDouble(), 7.0 }).ToArray();
        var categories = Enumerable.Range(0, 40).Select(_ => new[] { random.Next(0, 3), random.Next(-1, 4) }).ToArray();
        var data = MixedData.FromRows(numeric, categories);

        // Act
        var matrix = Gower.Matrix(data);

        // Assert
        for (var i = 0; i < 40; i++)
        {
            for (var j = 0; j < 40; j++)
            {
                Assert.Equal(Naive(numeric, categories, i, j), matrix[(i * 40) + j], 1e-14);
            }
        }
    }

    /// <summary>Gower (1971): s_ijk weighted by δ_ijk, written straight from the paper's formula.</summary>
    private static double Naive(double[][] numeric, int[][] categories, int i, int j)
    {
        double sum = 0, weights = 0;
        for (var k = 0; k < numeric[0].Length; k++)
        {
            var column = numeric.Select(row => row[k]).Where(v => !double.IsNaN(v)).ToList();
            var range = column.Max() - column.Min();
            if (double.IsNaN(numeric[i][k]) || double.IsNaN(numeric[j][k]))
            {
                continue;
            }

            weights += 1;
            sum += range == 0 ? 0 : Math.Abs(numeric[i][k] - numeric[j][k]) / range;
        }

        for (var k = 0; k < categories[0].Length; k++)
        {
            if (categories[i][k] < 0 || categories[j][k] < 0)
            {
                continue;
            }

            weights += 1;
            sum += categories[i][k] == categories[j][k] ? 0 : 1;
        }

        return i == j ? 0 : sum / weights;
    }
}
