using System.Collections.Immutable;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Core.Numerics;

public class StableOrderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Ascending_MixedSignsTiesAndInfinities_MatchesLinqsStableOrderBy(int seed)
    {
        // Arrange: few distinct values (long runs of ties), both zeros, infinities, tiny and huge numbers.
        var random = new Random(seed);
        double[] pool = [-1e200, -3.5, -1.0, -0.0, 0.0, 1e-300, 0.25, 2.0, 2.0000001, 7.0, 1e200, double.NegativeInfinity, double.PositiveInfinity];
        var values = Enumerable.Range(0, 5_000).Select(_ => pool[random.Next(pool.Length)] * (random.Next(3) == 0 ? random.NextDouble() : 1.0)).ToImmutableArray();
        var rows = Enumerable.Range(0, values.Length).Where(row => random.Next(4) != 0).ToArray();

        // Act
        var order = StableOrder.Ascending(rows, values);

        // Assert
        Assert.Equal(rows.OrderBy(row => values[row]).ToArray(), order);
    }

    [Fact]
    public void Ascending_EqualValues_KeepTheGivenRowOrderEvenWhenNotAscending()
    {
        // Arrange
        ImmutableArray<double> values = [5, 0.0, -0.0, 5, -2];
        int[] rows = [3, 1, 0, 2, 4];

        // Act
        var order = StableOrder.Ascending(rows, values);

        // Assert: -2, then the zeros in the given order (1 before 2), then the fives (3 before 0).
        Assert.Equal([4, 1, 2, 3, 0], order);
    }

    [Fact]
    public void Ascending_NaN_IsRefusedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => StableOrder.Ascending([0, 1], [1.0, double.NaN]));
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ascending_NoRows_IsEmpty()
    {
        Assert.Empty(StableOrder.Ascending([], [1.0, 2.0]));
    }
}
