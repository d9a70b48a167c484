using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Segmentation;

public sealed class MicroClusterLinkageTests
{
    // Six points and weights; expected heights from SciPy 1.x (scipy.cluster.hierarchy.linkage):
    // unit weights = linkage(points, method); weights = linkage(np.repeat(points, weights, 0), method)
    // with the zero-height merges of duplicates removed (see the commit adding this test).
    private static readonly double[][] Points =
        [[6.1, -7.7], [1.3, -1.7], [-1.4, -0.6], [-6.1, -0.7], [-2.6, 10.0], [0.7, -1.1]];

    [Theory]
    [InlineData(LinkageMethod.Ward, new[] { 0.8485281374, 2.9211869734, 7.7341235228, 12.6763559433, 16.3385025834 })]
    [InlineData(LinkageMethod.Complete, new[] { 0.8485281374, 2.9154759474, 7.467261881, 12.3328828747, 19.7225758967 })]
    [InlineData(LinkageMethod.Single, new[] { 0.8485281374, 2.1587033145, 4.7010637094, 7.6837490849, 10.6677082825 })]
    [InlineData(LinkageMethod.Average, new[] { 0.8485281374, 2.537089631, 6.3266933789, 10.1511362353, 13.1122417236 })]
    public void Fit_UnitWeights_MatchesSciPy(LinkageMethod method, double[] heights)
    {
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
    [InlineData(LinkageMethod.Ward, new[] { 1.314534138012399, 4.404932300436474, 8.569047288267898, 12.35079844472503, 28.761821798390894 })]
    [InlineData(LinkageMethod.Average, new[] { 0.848528137423857, 2.6127668942505062, 6.489631736384145, 9.353409773687078, 12.49720423213136 })]
    public void Fit_Weighted_EqualsLinkageOfTheRepeatedPoints(LinkageMethod method, double[] heights)
    {
        var tree = MicroClusterLinkage.Fit(FeatureMatrix.FromRows(Points), [1, 3, 2, 1, 4, 2], method, CancellationToken.None);

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
