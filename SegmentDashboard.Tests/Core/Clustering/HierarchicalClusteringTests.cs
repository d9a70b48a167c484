using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Clustering;

public class HierarchicalClusteringTests
{
    [Theory]
    [InlineData(LinkageMethod.Ward, "linkage_ward")]
    [InlineData(LinkageMethod.Complete, "linkage_complete")]
    [InlineData(LinkageMethod.Average, "linkage_average")]
    [InlineData(LinkageMethod.Single, "linkage_single")]
    public void Fit_ReferenceFixture_MatchesSciPyLinkage(LinkageMethod method, string key)
    {
        // Arrange: SciPy 1.10.1 linkage(X, method) on the z-scored fixture, fcluster(Z, 4, 'maxclust'), leaves_list.
        var fixture = ReferenceFixture.Load();
        var z = fixture.Get(key, "Z").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var expectedCut = fixture.IntArray(key, "cut_k4_labels");
        var expectedLeaves = fixture.IntArray(key, "leaf_order");

        // Act
        var dendrogram = HierarchicalClustering.Fit(fixture.Scaled, method);

        // Assert
        Assert.Equal(300, dendrogram.LeafCount);
        Assert.Equal(z.Length, dendrogram.Merges.Length);
        for (var i = 0; i < z.Length; i++)
        {
            var merge = dendrogram.Merges[i];
            Tolerance.AssertClose(z[i][2], merge.Height, 1e-9, $"height of merge {i}");
            Assert.Equal((int)z[i][3], merge.Size);
            Assert.True(merge.Left < merge.Right);
        }

        Partitions.AssertEquivalent(expectedCut, dendrogram.Cut(4));
        var tied = z.Select(r => r[2]).GroupBy(h => h).Any(g => g.Count() > 1);
        if (!tied)
        {
            Assert.Equal(expectedLeaves, dendrogram.LeafOrder.ToArray());
            Assert.Equal(z.Select(r => ((int)r[0], (int)r[1])), dendrogram.Merges.Select(m => (m.Left, m.Right)));
        }
    }

    [Fact]
    public void Fit_WardOnCentroids_AgreesWithLanceWilliamsMatrixReference()
    {
        // Arrange: the O(n²) Lance–Williams NN-chain (SciPy's algorithm) is the reference.
        var x = ClusteringTestData.Blobs(400, 5, 5, seed: 21);

        // Act
        var fast = HierarchicalClustering.Fit(x, LinkageMethod.Ward);
        var reference = MatrixLinkage.Fit(x, LinkageMethod.Ward, null, CancellationToken.None);

        // Assert
        for (var i = 0; i < reference.Merges.Length; i++)
        {
            Tolerance.AssertClose(reference.Merges[i].Height, fast.Merges[i].Height, 1e-9, $"height {i}");
            Assert.Equal(reference.Merges[i], fast.Merges[i] with { Height = reference.Merges[i].Height });
        }

        Assert.Equal(reference.LeafOrder.ToArray(), fast.LeafOrder.ToArray());
        Partitions.AssertEquivalent(reference.Cut(5), fast.Cut(5));
    }

    [Fact]
    public void Fit_Ward3000Rows_MatrixFreePathProducesValidTree()
    {
        // Arrange: 3,000 rows, several parallel scan blocks' worth of work but no n x n matrix.
        var x = ClusteringTestData.Blobs(3_000, 6, 4, seed: 8);

        // Act
        var one = HierarchicalClustering.FitWithParallelism(x, LinkageMethod.Ward, 1);
        var two = WardLinkage.Fit(x, 2, null, CancellationToken.None, parallelBlock: 512);

        // Assert: sorted heights, a full tree, a permutation as leaf order, thread-independent.
        Assert.Equal(2_999, one.Merges.Length);
        Assert.Equal(3_000, one.Merges[^1].Size);
        Assert.True(one.Merges.Zip(one.Merges.Skip(1)).All(p => p.First.Height <= p.Second.Height));
        Assert.Equal(Enumerable.Range(0, 3_000), one.LeafOrder.Order());
        Assert.Equal(one.Merges.ToArray(), two.Merges.ToArray());
        var labels = one.Cut(4);
        Assert.Equal(4, ClusterLabels.Count(labels.AsSpan()));
    }

    [Fact]
    public void Fit_SingleLinkageLarge_ParallelScanMatchesSequential()
    {
        var x = ClusteringTestData.Uniform(2_500, 4, seed: 12);

        var one = HierarchicalClustering.FitWithParallelism(x, LinkageMethod.Single, 1);
        var two = SingleLinkage.Fit(x, 2, null, CancellationToken.None, blockRows: 512);

        Assert.Equal(one.Merges.ToArray(), two.Merges.ToArray());
    }

    [Fact]
    public void Fit_Input_NotMutated()
    {
        var x = ClusteringTestData.Uniform(200, 3, seed: 4);
        var before = x.Data.ToArray();

        foreach (var method in Enum.GetValues<LinkageMethod>())
        {
            _ = HierarchicalClustering.Fit(x, method);
        }

        Assert.Equal(before, x.Data.ToArray());
    }

    [Theory]
    [InlineData(LinkageMethod.Ward)]
    [InlineData(LinkageMethod.Complete)]
    [InlineData(LinkageMethod.Single)]
    public void Fit_PreCancelledToken_Throws(LinkageMethod method)
    {
        var x = ClusteringTestData.Uniform(200, 3, seed: 4);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => HierarchicalClustering.Fit(x, method, cancellationToken: cts.Token));
    }

    [Theory]
    [InlineData(LinkageMethod.Ward)]
    [InlineData(LinkageMethod.Average)]
    [InlineData(LinkageMethod.Single)]
    public void Fit_CancelledDuringMerges_Throws(LinkageMethod method)
    {
        // Progress is reported every 1,000 merges; cancelling on the first report must stop the run.
        var x = ClusteringTestData.Uniform(1_500, 3, seed: 6);
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cts.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => HierarchicalClustering.Fit(x, method, progress, cts.Token));
    }

    [Fact]
    public void Fit_CompleteAboveMatrixLimit_RejectedWithMessage()
    {
        var x = FeatureMatrix.Create(HierarchicalClustering.MaxMatrixRows + 1, 1, new double[HierarchicalClustering.MaxMatrixRows + 1]);

        var error = Assert.Throws<ArgumentException>(() => HierarchicalClustering.Fit(x, LinkageMethod.Complete));

        Assert.Contains("at most 12000 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_SingleRow_EmptyTree()
    {
        var x = FeatureMatrix.FromRows([[1.0, 2.0]]);

        var dendrogram = HierarchicalClustering.Fit(x, LinkageMethod.Ward);

        Assert.Empty(dendrogram.Merges);
        Assert.Equal([0], dendrogram.LeafOrder.ToArray());
        Assert.Equal([0], dendrogram.Cut(1).ToArray());
    }
}
