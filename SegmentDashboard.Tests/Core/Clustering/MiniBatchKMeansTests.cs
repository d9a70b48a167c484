using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Clustering;

public class MiniBatchKMeansTests
{
    [Fact]
    public void Fit_Blobs20000_InertiaWithinOnePercentOfFullKMeans()
    {
        // Arrange: 20,000 rows, 6 blobs in 5 dimensions, fixed seeds.
        var x = ClusteringTestData.Blobs(20_000, 5, 6, seed: 17);
        var full = KMeans.Fit(x, new KMeansOptions(6) { Restarts = 4, Seed = 1 });

        // Act
        var mini = MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions(6) { BatchSize = 1_024, MaxIterations = 100, Seed = 1 });

        // Assert
        Assert.True(mini.Inertia <= full.Inertia * 1.01, $"mini-batch inertia {mini.Inertia} vs full {full.Inertia}");
        Assert.Equal(6, mini.ClusterCount);
        Assert.Equal(ClusterLabels.Canonicalize(mini.Labels.AsSpan()).ToArray(), mini.Labels.ToArray());
        var inertia = 0.0;
        for (var i = 0; i < x.Rows; i++)
        {
            for (var j = 0; j < x.Columns; j++)
            {
                var diff = x[i, j] - mini.Centroids[mini.Labels[i], j];
                inertia += diff * diff;
            }
        }

        Tolerance.AssertClose(inertia, mini.Inertia, 1e-9, "reported inertia");
    }

    [Fact]
    public void Fit_SameSeed_SameResult()
    {
        var x = ClusteringTestData.Blobs(5_000, 3, 4, seed: 2);
        var options = new MiniBatchKMeansOptions(4) { BatchSize = 256, MaxIterations = 30, Seed = 5 };

        var a = MiniBatchKMeans.Fit(x, options);
        var b = MiniBatchKMeans.Fit(x, options);

        Assert.Equal(a.Labels.ToArray(), b.Labels.ToArray());
        Assert.Equal(a.Inertia, b.Inertia);
    }

    [Fact]
    public void Fit_Input_NotMutated()
    {
        var x = ClusteringTestData.Uniform(1_000, 3, seed: 4);
        var before = x.Data.ToArray();

        _ = MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions(3) { BatchSize = 100, MaxIterations = 5 });

        Assert.Equal(before, x.Data.ToArray());
    }

    [Fact]
    public void Fit_PreCancelledToken_Throws()
    {
        var x = ClusteringTestData.Uniform(1_000, 3, seed: 4);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => MiniBatchKMeans.Fit(x, new MiniBatchKMeansOptions(3), cancellationToken: cts.Token));
    }

    [Theory]
    [InlineData(0, 100, 10, "ClusterCount")]
    [InlineData(50, 100, 10, "ClusterCount")]
    [InlineData(3, 0, 10, "BatchSize")]
    [InlineData(3, 100, 0, "MaxIterations")]
    public void Fit_InvalidOptions_ThrowNamingTheOption(int k, int batchSize, int maxIterations, string name)
    {
        var x = ClusteringTestData.Uniform(40, 2, seed: 1);
        var options = new MiniBatchKMeansOptions(k) { BatchSize = batchSize, MaxIterations = maxIterations };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MiniBatchKMeans.Fit(x, options));

        Assert.Equal(name, error.ParamName);
    }
}
