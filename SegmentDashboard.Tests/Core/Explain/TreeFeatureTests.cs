using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Explain;

namespace SegmentDashboard.Tests.Core.Explain;

public sealed class TreeFeatureTests
{
    [Fact]
    public void RowsByValue_NumericWithTiesAndMissing_RowsWithAValueInStableValueOrder()
    {
        // Arrange
        var feature = TreeFeature.FromColumn(new NumericColumn("Spend", [5, double.NaN, 2, 5, -1, 2, double.NaN, 0]))!;

        // Act
        var order = feature.RowsByValue();

        // Assert: -1 (row 4), 0 (7), the 2s (2, 5), the 5s (0, 3); NaN rows left out.
        Assert.Equal([4, 7, 2, 5, 0, 3], order.ToArray());
    }

    [Fact]
    public void RowsByValue_TheSameColumnAgain_SameOrderAsLinqForAnotherK()
    {
        // Arrange: the tree asks again for every k on the same data; a new column of equal values is another key.
        var random = new Random(7);
        ImmutableArray<double> values = [.. Enumerable.Range(0, 3_000).Select(_ => random.Next(5) == 0 ? double.NaN : Math.Round(random.NextDouble() * 40))];
        var column = new NumericColumn("Age", values);
        var expected = Enumerable.Range(0, values.Length).Where(row => !double.IsNaN(values[row])).OrderBy(row => values[row]).ToArray();

        // Act
        var first = TreeFeature.FromColumn(column)!.RowsByValue();
        var again = TreeFeature.FromColumn(column)!.RowsByValue();
        var copy = TreeFeature.FromColumn(new NumericColumn("Age", [.. values]))!.RowsByValue();

        // Assert
        Assert.Equal(expected, first.ToArray());
        Assert.Equal(expected, again.ToArray());
        Assert.Equal(expected, copy.ToArray());
    }

    [Fact]
    public void RowsByValue_Categorical_IsEmpty()
    {
        var feature = TreeFeature.FromColumn(new CategoricalColumn("Region", [0, 1, -1], ["North", "South"]))!;

        Assert.Empty(feature.RowsByValue());
    }
}
