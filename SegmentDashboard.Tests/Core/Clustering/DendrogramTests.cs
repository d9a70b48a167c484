using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Core.Clustering;

public class DendrogramTests
{
    // Points on a line: 0, 1, 10, 11, 30. Single linkage merges (0,1)@1, (2,3)@1, {0,1}+{2,3}@9, +4@19.
    private static readonly FeatureMatrix Line = FeatureMatrix.FromRows([[0.0], [1.0], [10.0], [11.0], [30.0]]);

    [Fact]
    public void Fit_LineSingleLinkage_SciPyShapedMerges()
    {
        // scipy.cluster.hierarchy.linkage([[0],[1],[10],[11],[30]], 'single') =
        // [[0,1,1,2],[2,3,1,2],[5,6,9,4],[4,7,19,5]]; leaves_list = [4, 0, 1, 2, 3].
        var dendrogram = HierarchicalClustering.Fit(Line, LinkageMethod.Single);

        Assert.Equal(
            [new(0, 1, 1, 2), new(2, 3, 1, 2), new(5, 6, 9, 4), new DendrogramMerge(4, 7, 19, 5)],
            dendrogram.Merges.ToArray());
        Assert.Equal([4, 0, 1, 2, 3], dendrogram.LeafOrder.ToArray());
    }

    [Fact]
    public void Cut_K_UndoesLastMergesCanonical()
    {
        var dendrogram = HierarchicalClustering.Fit(Line, LinkageMethod.Single);

        Assert.Equal([0, 0, 0, 0, 0], dendrogram.Cut(1).ToArray());
        Assert.Equal([0, 0, 0, 0, 1], dendrogram.Cut(2).ToArray());
        Assert.Equal([0, 0, 1, 1, 2], dendrogram.Cut(3).ToArray());
        Assert.Equal([0, 1, 2, 3, 4], dendrogram.Cut(5).ToArray());
    }

    [Fact]
    public void CutAtHeight_Threshold_SplitsMergesAboveIt()
    {
        // fcluster(Z, t, 'distance'): merges with height > t are undone; equal heights kept.
        var dendrogram = HierarchicalClustering.Fit(Line, LinkageMethod.Single);

        Assert.Equal([0, 1, 2, 3, 4], dendrogram.CutAtHeight(0.5).ToArray());
        Assert.Equal([0, 0, 1, 1, 2], dendrogram.CutAtHeight(1.0).ToArray());
        Assert.Equal([0, 0, 0, 0, 1], dendrogram.CutAtHeight(10).ToArray());
        Assert.Equal([0, 0, 0, 0, 0], dendrogram.CutAtHeight(19).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Cut_OutOfRange_Throws(int k)
    {
        var dendrogram = HierarchicalClustering.Fit(Line, LinkageMethod.Ward);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => dendrogram.Cut(k));

        Assert.Equal("clusterCount", error.ParamName);
    }
}
