using SegmentDashboard.Core.Statistics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Statistics;

public class HistogramBuilderTests
{
    private static readonly double[] Sample = [2.5, double.NaN, 1, 4, 4, 7.25, -3, 10, 0.5, 6, 3.3, 8.1, -1.2, 5, 2];

    [Fact]
    public void FreedmanDiaconis_Sample_MatchesNumpy()
    {
        // numpy.histogram_bin_edges(finite, bins="fd") -> [-3, 0.25, 3.5, 6.75, 10]; counts [2, 5, 4, 3].
        var histogram = HistogramBuilder.FreedmanDiaconis(Sample);

        Assert.Equal(4, histogram.BinCount);
        double[] expected = [-3.0, 0.25, 3.5, 6.75, 10.0];
        for (var i = 0; i < expected.Length; i++)
        {
            Tolerance.AssertClose(expected[i], histogram.Edges[i], 1e-12, $"edge {i}");
        }

        Assert.Equal([2, 5, 4, 3], histogram.Counts.ToArray());
    }

    [Fact]
    public void FreedmanDiaconis_ZeroIqr_FallsBackToSturges()
    {
        // numpy bins="sturges" on this data: 5 bins, counts [10, 1, 0, 0, 1] (IQR is 0, so fd would be degenerate).
        double[] values = [1, 1, 1, 1, 1, 1, 1, 1, 2, 5, 1, 1];

        var histogram = HistogramBuilder.FreedmanDiaconis(values);

        Assert.Equal([10, 1, 0, 0, 1], histogram.Counts.ToArray());
    }

    [Fact]
    public void FreedmanDiaconis_ConstantColumn_OneBinWithEveryValue()
    {
        var histogram = HistogramBuilder.FreedmanDiaconis([3.0, 3.0, double.NaN, 3.0]);

        Assert.Equal(1, histogram.BinCount);
        Assert.Equal(3, histogram.Counts[0]);
        Assert.True(histogram.Edges[0] < 3 && histogram.Edges[1] > 3);
    }

    [Fact]
    public void FreedmanDiaconis_NoFiniteValue_OneEmptyBin()
    {
        var histogram = HistogramBuilder.FreedmanDiaconis([double.NaN, double.PositiveInfinity]);

        Assert.Equal([0], histogram.Counts.ToArray());
    }

    [Fact]
    public void FreedmanDiaconis_ManyBins_CappedAtMaxBins()
    {
        var values = Enumerable.Range(0, 5000).Select(i => (double)i).Append(1e9).ToArray();

        var histogram = HistogramBuilder.FreedmanDiaconis(values, maxBins: 25);

        Assert.Equal(25, histogram.BinCount);
        Assert.Equal(5001, histogram.Counts.Sum());
        Assert.Equal(1, histogram.Counts[^1]);
    }

    [Fact]
    public void WithEdges_UnequalEdges_MatchesNumpy()
    {
        // numpy.histogram(finite, bins=[-3, 0, 2.5, 5, 10]) -> [2, 3, 4, 5]; the last bin includes 10.
        var histogram = HistogramBuilder.WithEdges(Sample, [-3.0, 0.0, 2.5, 5.0, 10.0]);

        Assert.Equal([2, 3, 4, 5], histogram.Counts.ToArray());
    }

    [Fact]
    public void WithEdges_ValuesOutsideEdges_NotCounted()
    {
        var histogram = HistogramBuilder.WithEdges([-1.0, 0.0, 0.5, 1.0, 2.0], [0.0, 1.0]);

        Assert.Equal([3], histogram.Counts.ToArray());
    }

    [Fact]
    public void WithEdges_EdgesNotAscending_Throws()
    {
        Assert.Throws<ArgumentException>(() => HistogramBuilder.WithEdges([1.0], [1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => HistogramBuilder.WithEdges([1.0], [1.0]));
    }
}
