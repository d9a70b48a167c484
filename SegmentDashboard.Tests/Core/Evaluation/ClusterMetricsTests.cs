using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Evaluation;

public sealed class ClusterMetricsTests
{
    [Fact]
    public void Metrics_KMeansK4LabelsOnFixture_MatchScikitLearn()
    {
        // Arrange
        var fixture = ReferenceFixture.Load();
        var labels = fixture.IntArray("kmeans_k4", "labels");

        // Act
        var inertia = ClusterMetrics.Inertia(fixture.Scaled, labels);
        var calinski = ClusterMetrics.CalinskiHarabasz(fixture.Scaled, labels);
        var davies = ClusterMetrics.DaviesBouldin(fixture.Scaled, labels);

        // Assert
        Tolerance.AssertClose(fixture.Double("kmeans_k4", "inertia"), inertia, 1e-9, "inertia");
        Tolerance.AssertClose(fixture.Double("metrics_for_kmeans_k4_labels", "calinski_harabasz"), calinski, 1e-9, "Calinski-Harabasz");
        Tolerance.AssertClose(fixture.Double("metrics_for_kmeans_k4_labels", "davies_bouldin"), davies, 1e-9, "Davies-Bouldin");
    }

    [Fact]
    public void Metrics_DbscanLabelsWithNoise_ExcludeNoiseRowsLikeScikitLearnOnTheRest()
    {
        // Arrange: DBSCAN (eps 0.5, min 5) labels; some rows are noise (-1).
        var fixture = ReferenceFixture.Load();
        var labels = fixture.IntArray("dbscan_eps0.5_min5", "labels");
        Assert.Contains(-1, labels);

        // Act
        var inertia = ClusterMetrics.Inertia(fixture.Scaled, labels);
        var calinski = ClusterMetrics.CalinskiHarabasz(fixture.Scaled, labels);
        var davies = ClusterMetrics.DaviesBouldin(fixture.Scaled, labels);

        // Assert: scikit-learn on X[labels >= 0], labels[labels >= 0] (engine_make_fixtures.py;
        // inertia: sum over clusters of squared distances to the cluster mean).
        Tolerance.AssertClose(fixture.Double("dbscan_eps0.5_min5", "without_noise", "inertia"), inertia, 1e-9, "inertia");
        Tolerance.AssertClose(fixture.Double("dbscan_eps0.5_min5", "without_noise", "calinski_harabasz"), calinski, 1e-9, "Calinski-Harabasz");
        Tolerance.AssertClose(fixture.Double("dbscan_eps0.5_min5", "without_noise", "davies_bouldin"), davies, 1e-9, "Davies-Bouldin");
    }

    [Fact]
    public void Metrics_RenumberedLabels_SameValues()
    {
        // Arrange
        var fixture = ReferenceFixture.Load();
        var labels = fixture.IntArray("kmeans_k4", "labels");
        var renumbered = labels.Select(l => (3 - l) * 1000).ToArray();

        // Act & Assert
        Tolerance.AssertClose(ClusterMetrics.CalinskiHarabasz(fixture.Scaled, labels), ClusterMetrics.CalinskiHarabasz(fixture.Scaled, renumbered), 1e-12);
        Tolerance.AssertClose(ClusterMetrics.DaviesBouldin(fixture.Scaled, labels), ClusterMetrics.DaviesBouldin(fixture.Scaled, renumbered), 1e-12);
        Tolerance.AssertClose(ClusterMetrics.Inertia(fixture.Scaled, labels), ClusterMetrics.Inertia(fixture.Scaled, renumbered), 1e-12);
    }

    [Fact]
    public void Metrics_SingleCluster_IndicesNaNInertiaIsTotalSumOfSquares()
    {
        // Arrange
        var x = FeatureMatrix.FromRows([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [2.0, 2.0]]);
        int[] labels = [5, 5, 5, 5];

        // Act & Assert
        Assert.True(double.IsNaN(ClusterMetrics.CalinskiHarabasz(x, labels)));
        Assert.True(double.IsNaN(ClusterMetrics.DaviesBouldin(x, labels)));
        Assert.Equal(8.0, ClusterMetrics.Inertia(x, labels), 12);
    }

    [Fact]
    public void Metrics_EveryRowItsOwnClusterOrAllNoise_NaN()
    {
        // Arrange
        var x = FeatureMatrix.FromRows([[0.0], [1.0], [3.0]]);

        // Act & Assert: scikit-learn requires 2 <= k <= n - 1.
        Assert.True(double.IsNaN(ClusterMetrics.CalinskiHarabasz(x, [0, 1, 2])));
        Assert.True(double.IsNaN(ClusterMetrics.DaviesBouldin(x, [0, 1, 2])));
        Assert.True(double.IsNaN(ClusterMetrics.Inertia(x, [-1, -1, -1])));
    }

    [Fact]
    public void Metrics_HandComputedTwoClusters_ExactValues()
    {
        // Arrange: clusters {0, 2} (mean 1) and {10, 12} (mean 11) on one feature.
        var x = FeatureMatrix.FromRows([[0.0], [2.0], [10.0], [12.0]]);
        int[] labels = [0, 0, 1, 1];

        // Act & Assert: within = 4, between = 2·25 + 2·25 = 100, CH = 100·2 / (4·1) = 50;
        // DB = (1 + 1) / 10 = 0.2 for both clusters.
        Assert.Equal(4.0, ClusterMetrics.Inertia(x, labels), 12);
        Assert.Equal(50.0, ClusterMetrics.CalinskiHarabasz(x, labels), 12);
        Assert.Equal(0.2, ClusterMetrics.DaviesBouldin(x, labels), 12);
    }

    [Fact]
    public void Metrics_LabelCountMismatch_ThrowsNamingLabels()
    {
        // Arrange
        var x = FeatureMatrix.FromRows([[0.0], [1.0], [3.0]]);

        // Act
        var error = Assert.Throws<ArgumentException>(() => ClusterMetrics.Inertia(x, [0, 1]));

        // Assert
        Assert.Equal("labels", error.ParamName);
        Assert.Contains("one label per row (3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_Computed_InputNotMutated()
    {
        // Arrange
        var fixture = ReferenceFixture.Load();
        var labels = fixture.IntArray("dbscan_eps0.5_min5", "labels");
        var labelsBefore = labels.ToArray();
        var dataBefore = fixture.Scaled.Data.ToArray();

        // Act
        _ = ClusterMetrics.Inertia(fixture.Scaled, labels);
        _ = ClusterMetrics.CalinskiHarabasz(fixture.Scaled, labels);
        _ = ClusterMetrics.DaviesBouldin(fixture.Scaled, labels);
        _ = Silhouette.Exact(fixture.Scaled, labels);

        // Assert
        Assert.Equal(labelsBefore, labels);
        Assert.Equal(dataBefore, fixture.Scaled.Data.ToArray());
    }
}
