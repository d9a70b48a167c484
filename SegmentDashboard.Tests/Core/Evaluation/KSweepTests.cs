using System.Collections.Immutable;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Evaluation;

public sealed class KSweepTests
{
    [Fact]
    public void Run_TestLocalKMeansOnFixture_PerKMetricsMatchScikitLearnAndSuggestsFour()
    {
        // Arrange: the reference sweep is scikit-learn KMeans (n_init=10) for k = 2..8. The
        // test-local Lloyd (40 k-means++ starts) reaches the same partitions for k = 2..6; for
        // k = 7 and 8 it stops in slightly worse local optima, so only bounds are checked there.
        var fixture = ReferenceFixture.Load();
        var options = new KSweepOptions { MinK = 2, MaxK = 8 };

        // Act
        var result = KSweep.Run(fixture.Scaled, options, (k, _) => TestClustering.KMeans(fixture.Scaled, k, restarts: 40));

        // Assert
        Assert.Equal(Enumerable.Range(2, 7), result.Points.Select(p => p.K));
        foreach (var point in result.Points)
        {
            var key = point.K.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var reference = fixture.Get("kmeans_sweep_best_of_10", key);
            if (point.K <= 6)
            {
                Tolerance.AssertClose(reference.GetProperty("inertia").GetDouble(), point.Inertia, 1e-9, $"inertia k={key}");
                Tolerance.AssertClose(reference.GetProperty("silhouette").GetDouble(), point.Silhouette, 1e-9, $"silhouette k={key}");
                Tolerance.AssertClose(reference.GetProperty("calinski_harabasz").GetDouble(), point.CalinskiHarabasz, 1e-9, $"CH k={key}");
                Tolerance.AssertClose(reference.GetProperty("davies_bouldin").GetDouble(), point.DaviesBouldin, 1e-9, $"DB k={key}");
            }
            else
            {
                Assert.InRange(point.Inertia, reference.GetProperty("inertia").GetDouble(), reference.GetProperty("inertia").GetDouble() * 1.05);
                Assert.True(point.Silhouette < result.Points.Single(p => p.K == 4).Silhouette, $"silhouette k={key} below k=4");
            }
        }

        Assert.Equal(fixture.Get("best_k_by_silhouette").GetInt32(), result.SuggestedK);
        Assert.Equal(4, result.SuggestedK);
        Assert.StartsWith("k = 4 has the highest silhouette (0.62)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ProjectKMeansWithTenRestarts_SuggestsFour()
    {
        // Arrange: the product's own K-means (k-means++, 10 restarts), as the dashboard runs it.
        var fixture = ReferenceFixture.Load();
        var options = new KSweepOptions { MinK = 2, MaxK = 8 };

        // Act
        var result = KSweep.Run(
            fixture.Scaled,
            options,
            (k, ct) => KMeans.Fit(fixture.Scaled, new KMeansOptions(k) { Restarts = 10, Seed = 0 }, cancellationToken: ct).Labels);

        // Assert
        Assert.Equal(4, result.SuggestedK);
        var four = result.Points.Single(p => p.K == 4);
        Tolerance.AssertClose(fixture.Double("metrics_for_kmeans_k4_labels", "silhouette"), four.Silhouette, 1e-9, "silhouette k=4");
    }

    [Fact]
    public void Run_BestSilhouetteHasTinySegment_SkipsItForTheBestEligibleK()
    {
        // Arrange: 200 rows; k = 3 puts a single customer in its own segment and scores best.
        var x = Line(200);
        ImmutableArray<int> Cluster(int k, CancellationToken ct) => k switch
        {
            3 => [.. Enumerable.Range(0, 200).Select(i => i == 199 ? 2 : i < 100 ? 0 : 1)],
            _ => [.. Enumerable.Range(0, 200).Select(i => i * k / 200)],
        };
        var points = ImmutableArray.Create(
            new KSweepPoint(2, 1, 0.40, 1, 1, 100),
            new KSweepPoint(3, 1, 0.90, 1, 1, 1),
            new KSweepPoint(4, 1, 0.55, 1, 1, 50),
            new KSweepPoint(5, 1, double.NaN, 1, 1, 40));

        // Act
        var (suggested, reason) = KSweep.Suggest(points, KSweep.MinimumSegmentSize(200));
        var run = KSweep.Run(x, new KSweepOptions { MinK = 2, MaxK = 4 }, Cluster);

        // Assert
        Assert.Equal(4, suggested);
        Assert.Equal("k = 4 has the highest silhouette (0.55) with no segment smaller than 50 customers.", reason);
        Assert.Equal(1, run.Points.Single(p => p.K == 3).SmallestClusterSize);
        Assert.NotEqual(3, run.SuggestedK);
    }

    [Fact]
    public void Suggest_TiedSilhouettes_SmallerK()
    {
        // Arrange
        var points = ImmutableArray.Create(
            new KSweepPoint(2, 1, 0.3, 1, 1, 10),
            new KSweepPoint(3, 1, 0.6, 1, 1, 10),
            new KSweepPoint(4, 1, 0.6, 1, 1, 10));

        // Act
        var (suggested, _) = KSweep.Suggest(points, 2);

        // Assert
        Assert.Equal(3, suggested);
    }

    [Fact]
    public void Suggest_NoEligibleK_FewestSegmentsWithExplanation()
    {
        // Arrange
        var points = ImmutableArray.Create(new KSweepPoint(2, 1, 0.3, 1, 1, 1), new KSweepPoint(3, 1, 0.6, 1, 1, 1));

        // Act
        var (suggested, reason) = KSweep.Suggest(points, 5);

        // Assert
        Assert.Equal(2, suggested);
        Assert.Equal("No k from 2 to 3 keeps every segment at 5 customers or more, so k = 2, the fewest segments, is suggested.", reason);
    }

    [Theory]
    [InlineData(50, 2)]
    [InlineData(300, 3)]
    [InlineData(1_000, 10)]
    [InlineData(1_001, 11)]
    public void MinimumSegmentSize_Rows_OnePercentAtLeastTwo(int rows, int expected)
    {
        Assert.Equal(expected, KSweep.MinimumSegmentSize(rows));
    }

    [Fact]
    public void Run_MaxKAboveRows_CappedAtRowsMinusOneWithProgressPerK()
    {
        // Arrange
        var x = Line(6);
        var reports = new List<double>();
        var calls = new List<int>();

        // Act
        var result = KSweep.Run(
            x,
            new KSweepOptions { MinK = 2, MaxK = 15 },
            (k, _) =>
            {
                calls.Add(k);
                return [.. Enumerable.Range(0, 6).Select(i => i * k / 6)];
            },
            new SynchronousProgress(reports));

        // Assert
        Assert.Equal([2, 3, 4, 5], calls);
        Assert.Equal(4, result.Points.Length);
        Assert.Equal([0.25, 0.5, 0.75, 1.0], reports);
    }

    [Fact]
    public void Run_CancelledDuringSweep_Throws()
    {
        // Arrange
        var x = Line(50);
        using var source = new CancellationTokenSource();
        ImmutableArray<int> Cluster(int k, CancellationToken ct)
        {
            if (k == 3)
            {
                source.Cancel();
            }

            return [.. Enumerable.Range(0, 50).Select(i => i * k / 50)];
        }

        // Act & Assert
        Assert.ThrowsAny<OperationCanceledException>(() => KSweep.Run(x, new KSweepOptions { MaxK = 6 }, Cluster, cancellationToken: source.Token));
    }

    [Fact]
    public void Run_InvalidOptions_ThrowNamingTheOption()
    {
        // Arrange
        var x = Line(10);
        static ImmutableArray<int> Cluster(int k, CancellationToken ct) => [.. Enumerable.Range(0, 10).Select(i => i % k)];

        // Act
        var minK = Assert.Throws<ArgumentOutOfRangeException>(() => KSweep.Run(x, new KSweepOptions { MinK = 1 }, Cluster));
        var maxK = Assert.Throws<ArgumentOutOfRangeException>(() => KSweep.Run(x, new KSweepOptions { MinK = 5, MaxK = 4 }, Cluster));
        var rows = Assert.Throws<ArgumentException>(() => KSweep.Run(Line(2), new KSweepOptions(), Cluster));
        var wrong = Assert.Throws<InvalidOperationException>(() => KSweep.Run(x, new KSweepOptions(), (_, _) => [0, 1]));

        // Assert
        Assert.Contains("MinK", minK.Message, StringComparison.Ordinal);
        Assert.Contains("MaxK", maxK.Message, StringComparison.Ordinal);
        Assert.Equal("x", rows.ParamName);
        Assert.Contains("expected one per row (10)", wrong.Message, StringComparison.Ordinal);
    }

    private static FeatureMatrix Line(int n) => FeatureMatrix.FromRows([.. Enumerable.Range(0, n).Select(i => new[] { (double)i, (i * 7) % 5 })]);

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
