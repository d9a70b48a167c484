using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Segmentation;

public sealed class MicroClusterLinkageTests
{
    // Six points and weights; expected heights from SciPy (Reference/engine_make_fixtures.py,
    // "micro_cluster_linkage"): unit weights = linkage(points, method); weights =
    // linkage(np.repeat(points, weights, 0), method) with the zero-height merges of the copies removed.
    private static readonly ReferenceFixture Fixture = ReferenceFixture.Load();

    private static readonly double[][] Points =
        [.. Fixture.Get("micro_cluster_linkage", "points").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray())];

    [Theory]
    [InlineData(LinkageMethod.Ward)]
    [InlineData(LinkageMethod.Complete)]
    [InlineData(LinkageMethod.Single)]
    [InlineData(LinkageMethod.Average)]
    public void Fit_UnitWeights_MatchesSciPy(LinkageMethod method)
    {
        var heights = Fixture.DoubleArray("micro_cluster_linkage", "unit", method.ToString().ToLowerInvariant());
        Assert.Equal(5, heights.Length);
        var tree = MicroClusterLinkage.Fit(FeatureMatrix.FromRows(Points), [1, 1, 1, 1, 1, 1], method, CancellationToken.None);

        for (var i = 0; i < heights.Length; i++)
        {
            Tolerance.AssertClose(heights[i], tree.Merges[i].Height, 1e-9);
        }

        // SciPy for every method here: [1,5], [2,6], [3,7], then [0,8],[4,9] (complete: [4,8],[0,9])
        Assert.Equal((1, 5), (tree.Merges[0].Left, tree.Merges[0].Right));
        Assert.Equal((2, 6), (tree.Merges[1].Left, tree.Merges[1].Right));
        Assert.Equal(6, tree.Merges[^1].Size);
        Assert.Equal(6, tree.LeafOrder.Distinct().Count());
    }

    [Theory]
    [InlineData(LinkageMethod.Ward)]
    [InlineData(LinkageMethod.Average)]
    public void Fit_Weighted_EqualsLinkageOfTheRepeatedPoints(LinkageMethod method)
    {
        var heights = Fixture.DoubleArray("micro_cluster_linkage", "weighted", method.ToString().ToLowerInvariant());
        long[] weights = [.. Fixture.IntArray("micro_cluster_linkage", "weights").Select(w => (long)w)];
        var tree = MicroClusterLinkage.Fit(FeatureMatrix.FromRows(Points), weights, method, CancellationToken.None);

        Assert.Equal(heights.Length, tree.Merges.Length);
        for (var i = 0; i < heights.Length; i++)
        {
            Tolerance.AssertClose(heights[i], tree.Merges[i].Height, 1e-9);
        }
    }

    [Fact]
    public void Fit_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            MicroClusterLinkage.Fit(FeatureMatrix.FromRows(Points), [1, 1, 1, 1, 1, 1], LinkageMethod.Ward, cts.Token));
    }
}
