using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Clustering;

public class KMeansTests
{
    [Fact]
    public void Fit_ReferenceFixtureK4_MatchesScikitLearnPartitionAndInertia()
    {
        // Arrange: scikit-learn 1.2.1 KMeans(n_clusters=4, n_init=10, random_state=0) on the z-scored fixture.
        var fixture = ReferenceFixture.Load();
        var expectedLabels = fixture.IntArray("kmeans_k4", "labels");
        var expectedInertia = fixture.Double("kmeans_k4", "inertia");

        // Act
        var result = KMeans.Fit(fixture.Scaled, new KMeansOptions(4) { Restarts = 10, Seed = 0 });

        // Assert
        Partitions.AssertEquivalent(expectedLabels, result.Labels);
        Tolerance.AssertClose(expectedInertia, result.Inertia, 1e-6, "inertia");
        Assert.True(result.Converged);
        var expectedCentres = fixture.Get("kmeans_k4", "centers").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToList();
        for (var c = 0; c < 4; c++)
        {
            // Centre of canonical cluster c matches the reference centre of the same rows.
            var row = Enumerable.Range(0, expectedLabels.Length).First(i => result.Labels[i] == c);
            var reference = expectedCentres[expectedLabels[row]];
            for (var j = 0; j < reference.Length; j++)
            {
                Tolerance.AssertClose(reference[j], result.Centroids[c, j], 1e-6, $"centre {c}[{j}]");
            }
        }
    }

    [Fact]
    public void Fit_DifferentThreadCounts_BitIdenticalResults()
    {
        // Arrange: several 8192-row chunks so the parallel path really runs.
        var x = ClusteringTestData.Blobs(20_000, 5, 6, seed: 11);
        var options = new KMeansOptions(6) { Restarts = 2, Seed = 3 };

        // Act
        var one = KMeans.FitWithParallelism(x, options, 1);
        var two = KMeans.FitWithParallelism(x, options, 2);
        var four = KMeans.FitWithParallelism(x, options, 4);

        // Assert
        Assert.Equal(one.Labels.ToArray(), two.Labels.ToArray());
        Assert.Equal(one.Labels.ToArray(), four.Labels.ToArray());
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Inertia), BitConverter.DoubleToInt64Bits(two.Inertia));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Inertia), BitConverter.DoubleToInt64Bits(four.Inertia));
        Assert.Equal(one.Centroids.Data.ToArray(), four.Centroids.Data.ToArray());
        Assert.Equal(one.Iterations, four.Iterations);
    }

    [Fact]
    public void Fit_SameSeed_SameResult()
    {
        var x = ClusteringTestData.Uniform(2_000, 4, seed: 5);

        var a = KMeans.Fit(x, new KMeansOptions(5) { Seed = 9 });
        var b = KMeans.Fit(x, new KMeansOptions(5) { Seed = 9 });

        Assert.Equal(a.Labels.ToArray(), b.Labels.ToArray());
        Assert.Equal(a.Inertia, b.Inertia);
    }

    [Fact]
    public void Fit_Result_LabelsCanonicalAndInertiaConsistent()
    {
        // Arrange
        var x = ClusteringTestData.Blobs(3_000, 3, 4, seed: 2);

        // Act
        var result = KMeans.Fit(x, new KMeansOptions(4) { Seed = 1 });

        // Assert: label 0 is the largest cluster, sizes non-increasing, labels as canonicalized.
        var sizes = Enumerable.Range(0, 4).Select(c => result.Labels.Count(l => l == c)).ToArray();
        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        Assert.Equal(ClusterLabels.Canonicalize(result.Labels.AsSpan()).ToArray(), result.Labels.ToArray());
        var inertia = 0.0;
        for (var i = 0; i < x.Rows; i++)
        {
            Assert.Equal(result.Labels[i], result.Predict(x.Row(i)));
            for (var j = 0; j < x.Columns; j++)
            {
                var diff = x[i, j] - result.Centroids[result.Labels[i], j];
                inertia += diff * diff;
            }
        }

        Tolerance.AssertClose(inertia, result.Inertia, 1e-10, "inertia");
    }

    [Fact]
    public void Fit_Input_NotMutated()
    {
        var x = ClusteringTestData.Uniform(500, 3, seed: 4);
        var before = x.Data.ToArray();

        _ = KMeans.Fit(x, new KMeansOptions(3));

        Assert.Equal(before, x.Data.ToArray());
    }

    [Fact]
    public void Fit_PreCancelledToken_Throws()
    {
        var x = ClusteringTestData.Uniform(500, 3, seed: 4);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => KMeans.Fit(x, new KMeansOptions(3), cancellationToken: cts.Token));
    }

    [Fact]
    public void Fit_CancelledDuringRun_ThrowsInsteadOfPartialResult()
    {
        var x = ClusteringTestData.Uniform(5_000, 3, seed: 4);
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Stage.StartsWith("K-means iteration", StringComparison.Ordinal))
            {
                cts.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => KMeans.Fit(x, new KMeansOptions(4) { Tolerance = 0 }, progress, cts.Token));
    }

    [Fact]
    public void Fit_MoreClustersThanRows_RejectedWithMessage()
    {
        var x = ClusteringTestData.Uniform(12, 2, seed: 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, new KMeansOptions(20)));

        Assert.Equal("ClusterCount", error.ParamName);
        Assert.Contains("k = 20 is more than the 12 rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 4, 300, 1e-4, "ClusterCount")]
    [InlineData(2, 0, 300, 1e-4, "Restarts")]
    [InlineData(2, 1, 0, 1e-4, "MaxIterations")]
    [InlineData(2, 1, 300, -1e-4, "Tolerance")]
    public void Fit_InvalidOptions_ThrowNamingTheOption(int k, int restarts, int maxIterations, double tolerance, string name)
    {
        var x = ClusteringTestData.Uniform(12, 2, seed: 1);
        var options = new KMeansOptions(k) { Restarts = restarts, MaxIterations = maxIterations, Tolerance = tolerance };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, options));

        Assert.Equal(name, error.ParamName);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_DuplicatePointsFewerDistinctThanK_StillReturnsKCentroids()
    {
        // Arrange: 3 distinct points repeated; k = 5 forces empty-cluster handling.
        var rows = Enumerable.Range(0, 30).Select(i => new[] { (double)(i % 3), 0.0 }).ToList();
        var x = FeatureMatrix.FromRows(rows);

        // Act
        var result = KMeans.Fit(x, new KMeansOptions(5) { Seed = 2 });

        // Assert
        Assert.Equal(5, result.Centroids.Rows);
        Assert.Equal(0.0, result.Inertia, 12);
        Assert.Equal(3, ClusterLabels.Count(result.Labels.AsSpan()));
    }

    [Fact]
    public void Fit_SingleCluster_CentroidIsMean()
    {
        var x = ClusteringTestData.Uniform(100, 3, seed: 8);

        var result = KMeans.Fit(x, new KMeansOptions(1));

        Assert.All(result.Labels, l => Assert.Equal(0, l));
        for (var j = 0; j < 3; j++)
        {
            Tolerance.AssertClose(x.CopyColumn(j).Average(), result.Centroids[0, j], 1e-12, $"mean {j}");
        }
    }
}
