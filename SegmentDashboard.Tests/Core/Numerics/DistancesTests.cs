using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Core.Numerics;

public class DistancesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    public void ArgMinWithSecond_RandomValuesWithTies_MatchesScalarScan(int count)
    {
        var random = new Random(count);
        var stride = Distances.PaddedCount(count);
        var penalty = Distances.PaddingPenalty(count, stride);
        for (var trial = 0; trial < 500; trial++)
        {
            // Few distinct values, so ties are frequent; padding lanes hold junk that must be ignored.
            var values = Enumerable.Range(0, stride).Select(i => i < count ? random.Next(4) : -1.0).ToArray();
            var expectedIndex = Array.IndexOf(values, values.Take(count).Min());
            var expectedSecond = count == 1 ? double.PositiveInfinity : values.Take(count).Where((_, i) => i != expectedIndex).Min();

            var (index, value) = Distances.ArgMin(values, penalty, stride);
            var (index2, value2, second) = Distances.ArgMinWithSecond(values, penalty, stride);

            Assert.Equal(expectedIndex, index);
            Assert.Equal(values[expectedIndex], value);
            Assert.Equal(expectedIndex, index2);
            Assert.Equal(values[expectedIndex], value2);
            Assert.Equal(expectedSecond, second);
        }
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(5, 8)]
    [InlineData(7, 9)]
    public void SquaredToCentres_MatchesScalarDistances(int count, int columns)
    {
        var random = new Random(columns);
        var stride = Distances.PaddedCount(count);
        var centres = Enumerable.Range(0, count * columns).Select(_ => random.NextDouble()).ToArray();
        var centresT = new double[columns * stride];
        for (var c = 0; c < count; c++)
        {
            for (var j = 0; j < columns; j++)
            {
                centresT[(j * stride) + c] = centres[(c * columns) + j];
            }
        }

        var row = Enumerable.Range(0, columns).Select(_ => random.NextDouble()).ToArray();
        var result = new double[stride];

        Distances.SquaredToCentres(row, centresT, stride, result);

        for (var c = 0; c < count; c++)
        {
            var expected = row.Select((v, j) => (v - centres[(c * columns) + j]) * (v - centres[(c * columns) + j])).Sum();
            Assert.Equal(expected, result[c], 12);
            Assert.Equal(expected, Distances.SquaredEuclidean(row, centres.AsSpan(c * columns, columns)), 12);
        }
    }
}
