using SegmentDashboard.Core.Statistics;

namespace SegmentDashboard.Tests.Core.Statistics;

/// <summary>The one quantile: numpy.quantile's default (linear) values.</summary>
public sealed class QuantilesTests
{
    [Theory]
    [InlineData(0.25, 2.0)] // numpy.quantile([1, 2, 3, 4, 10], q)
    [InlineData(0.5, 3.0)]
    [InlineData(0.75, 4.0)]
    [InlineData(0.9, 7.6)]
    public void OfSorted_NumpyLinear(double q, double expected)
    {
        double[] sorted = [1, 2, 3, 4, 10];

        Assert.Equal(expected, Quantiles.OfSorted(sorted, q), 12);
    }

    [Fact]
    public void Median_UnsortedEvenCount_MeanOfTheMiddleTwo_InputUntouched()
    {
        double[] values = [9, 1, 4, 2];

        Assert.Equal(3.0, Quantiles.Median(values));
        Assert.Equal([9.0, 1, 4, 2], values);
        Assert.True(double.IsNaN(Quantiles.Median([])));
    }
}
