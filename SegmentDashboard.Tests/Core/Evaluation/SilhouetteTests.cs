using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Evaluation;

public sealed class SilhouetteTests
{
    private static readonly double[][] Centres = [[0.0, 0.0, 0.0], [3.0, 0.0, 1.0], [0.0, 3.0, -1.0], [2.5, 2.5, 2.0]];

    [Fact]
    public void Exact_KMeansK4LabelsOnFixture_MatchesScikitLearnOverallAndPerSample()
    {
        // Arrange
        var fixture = ReferenceFixture.Load();
        var labels = fixture.IntArray("kmeans_k4", "labels");
        var expectedSamples = fixture.DoubleArray("metrics_for_kmeans_k4_labels", "silhouette_samples");

        // Act
        var result = Silhouette.Exact(fixture.Scaled, labels);

        // Assert
        Tolerance.AssertClose(fixture.Double("metrics_for_kmeans_k4_labels", "silhouette"), result.Score, 1e-9, "silhouette");
        Assert.False(result.IsSampled);
        Assert.Equal(300, result.SampleSize);
        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(Enumerable.Range(0, 300).ToArray(), result.SampleRows.ToArray());
        Assert.Equal(300, result.PerSample.Length);
        for (var i = 0; i < expectedSamples.Length; i++)
        {
            Tolerance.AssertClose(expectedSamples[i], result.PerSample[i], 1e-9, $"silhouette of row {i}");
        }
    }

    [Fact]
    public void Exact_SingletonCluster_ZeroForThatRowLikeScikitLearn()
    {
        // Arrange: five values, the last alone in its cluster (engine_make_fixtures.py).
        var fixture = ReferenceFixture.Load();
        var x = FeatureMatrix.FromRows([.. fixture.DoubleArray("silhouette_singleton", "x").Select(v => new[] { v })]);

        // Act
        var result = Silhouette.Exact(x, fixture.IntArray("silhouette_singleton", "labels"));

        // Assert: scikit-learn silhouette_samples / silhouette_score on the same data.
        var expected = fixture.DoubleArray("silhouette_singleton", "samples");
        Assert.Equal(0.0, expected[^1]);
        for (var i = 0; i < expected.Length; i++)
        {
            Tolerance.AssertClose(expected[i], result.PerSample[i], 1e-12, $"row {i}");
        }

        Tolerance.AssertClose(fixture.Double("silhouette_singleton", "score"), result.Score, 1e-12);
    }

    [Fact]
    public void Exact_DbscanLabelsWithNoise_NoiseRowsExcludedAndNaN()
    {
        // Arrange
        var fixture = ReferenceFixture.Load();
        var labels = fixture.IntArray("dbscan_eps0.5_min5", "labels");

        // Act
        var result = Silhouette.Exact(fixture.Scaled, labels);

        // Assert: scikit-learn silhouette_score(X[labels >= 0], labels[labels >= 0]).
        Tolerance.AssertClose(fixture.Double("dbscan_eps0.5_min5", "without_noise", "silhouette"), result.Score, 1e-9);
        Assert.Equal(300 - fixture.Get("dbscan_eps0.5_min5", "n_noise").GetInt32(), result.SampleSize);
        for (var i = 0; i < labels.Length; i++)
        {
            Assert.Equal(labels[i] < 0, double.IsNaN(result.PerSample[i]));
        }
    }

    [Fact]
    public void Exact_SingleClusterOrAllSingletons_NaN()
    {
        // Arrange
        var x = FeatureMatrix.FromRows([[0.0], [1.0], [3.0]]);

        // Act
        var single = Silhouette.Exact(x, [1, 1, 1]);
        var singletons = Silhouette.Exact(x, [0, 1, 2]);
        var sampled = Silhouette.Compute(x, [0, 0, -1], exactLimit: 2);

        // Assert
        Assert.True(double.IsNaN(single.Score));
        Assert.Empty(single.PerSample);
        Assert.True(double.IsNaN(singletons.Score));
        Assert.True(double.IsNaN(sampled.Score));
    }

    [Fact]
    public void Exact_DifferentThreadCounts_BitIdenticalValues()
    {
        // Arrange: 1,500 rows so that the query rows span many parallel tiles.
        var (x, labels) = TestClustering.Blobs(1_500, Centres, 1.0, seed: 11);

        // Act
        var one = Silhouette.ExactParallel(x, labels, 1, CancellationToken.None);
        var two = Silhouette.ExactParallel(x, labels, 2, CancellationToken.None);
        var five = Silhouette.ExactParallel(x, labels, 5, CancellationToken.None);

        // Assert
        Assert.Equal(one.PerSample.ToArray(), two.PerSample.ToArray());
        Assert.Equal(one.PerSample.ToArray(), five.PerSample.ToArray());
        Assert.Equal(one.Score, five.Score);
    }

    [Fact]
    public void Exact_MatchesNaiveDoubleLoop()
    {
        // Arrange: 7 features (not a multiple of the vector width) and 203 rows (ragged tiles).
        var centres = new[] { new double[7], Enumerable.Repeat(2.0, 7).ToArray(), Enumerable.Range(0, 7).Select(j => j % 2 * 3.0).ToArray() };
        var (x, labels) = TestClustering.Blobs(203, centres, 1.2, seed: 3);

        // Act
        var result = Silhouette.Exact(x, labels);

        // Assert
        var expected = NaiveSilhouette(x, labels);
        for (var i = 0; i < x.Rows; i++)
        {
            Tolerance.AssertClose(expected[i], result.PerSample[i], 1e-12, $"row {i}");
        }
    }

    [Fact]
    public void Compute_6000RowsAboveExactLimit_SampledEstimateWithinFewStandardErrors()
    {
        // Arrange: overlapping blobs, so silhouettes vary from row to row.
        var (x, labels) = TestClustering.Blobs(6_000, Centres, 1.1, seed: 5);
        var exact = Silhouette.Exact(x, labels);

        // Act
        var sampled = Silhouette.Compute(x, labels, exactLimit: 2_000, seed: 42);

        // Assert
        Assert.True(sampled.IsSampled);
        Assert.InRange(sampled.SampleSize, 1_000, 2_000);
        Assert.Equal(sampled.SampleSize, sampled.SampleRows.Length);
        Assert.Equal(sampled.SampleRows.Distinct().Order().ToArray(), sampled.SampleRows.ToArray());
        Assert.InRange(sampled.StandardError, 1e-4, 0.02);
        Assert.InRange(sampled.Score, exact.Score - (4 * sampled.StandardError), exact.Score + (4 * sampled.StandardError));
        for (var j = 0; j < sampled.SampleSize; j++)
        {
            Tolerance.AssertClose(exact.PerSample[sampled.SampleRows[j]], sampled.PerSample[j], 1e-12, $"sampled row {sampled.SampleRows[j]}");
        }
    }

    [Fact]
    public void Compute_SmallCluster_StillSampledAndSameSeedSameSample()
    {
        // Arrange: 3,000 rows, one cluster of only 12 rows.
        var (x, labels) = TestClustering.Blobs(3_000, Centres, 1.0, seed: 9);
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = labels[i] == 3 && i >= 48 ? 0 : labels[i];
        }

        // Act
        var first = Silhouette.Compute(x, labels, exactLimit: 500, seed: 7);
        var again = Silhouette.Compute(x, labels, exactLimit: 500, seed: 7);
        var other = Silhouette.Compute(x, labels, exactLimit: 500, seed: 8);

        // Assert
        Assert.True(first.SampleRows.Count(r => labels[r] == 3) >= 10);
        Assert.Equal(first.SampleRows.ToArray(), again.SampleRows.ToArray());
        Assert.Equal(first.PerSample.ToArray(), again.PerSample.ToArray());
        Assert.NotEqual(first.SampleRows.ToArray(), other.SampleRows.ToArray());
    }

    [Fact]
    public void Compute_AtOrBelowExactLimit_Exact()
    {
        // Arrange
        var (x, labels) = TestClustering.Blobs(400, Centres, 1.0, seed: 1);

        // Act
        var result = Silhouette.Compute(x, labels, exactLimit: 400);

        // Assert
        Assert.False(result.IsSampled);
        Assert.Equal(Silhouette.Exact(x, labels).Score, result.Score);
    }

    [Fact]
    public void Exact_CancelledToken_Throws()
    {
        // Arrange
        var (x, labels) = TestClustering.Blobs(400, Centres, 1.0, seed: 1);
        using var source = new CancellationTokenSource();
        source.Cancel();

        // Act & Assert
        Assert.ThrowsAny<OperationCanceledException>(() => Silhouette.Exact(x, labels, source.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Silhouette.Compute(x, labels, 100, 0, source.Token));
    }

    [Fact]
    public void Compute_InvalidArguments_ThrowWithParameterNames()
    {
        // Arrange
        var x = FeatureMatrix.FromRows([[0.0], [1.0], [3.0]]);

        // Act
        var limit = Assert.Throws<ArgumentOutOfRangeException>(() => Silhouette.Compute(x, [0, 0, 1], exactLimit: 1));
        var length = Assert.Throws<ArgumentException>(() => Silhouette.Exact(x, [0, 1]));

        // Assert
        Assert.Equal("exactLimit", limit.ParamName);
        Assert.Equal("labels", length.ParamName);
    }

    private static double[] NaiveSilhouette(FeatureMatrix x, int[] labels)
    {
        var k = labels.Max() + 1;
        var counts = Enumerable.Range(0, k).Select(c => labels.Count(l => l == c)).ToArray();
        var result = new double[x.Rows];
        for (var i = 0; i < x.Rows; i++)
        {
            var sums = new double[k];
            for (var j = 0; j < x.Rows; j++)
            {
                var squared = 0.0;
                for (var f = 0; f < x.Columns; f++)
                {
                    squared += (x[i, f] - x[j, f]) * (x[i, f] - x[j, f]);
                }

                sums[labels[j]] += Math.Sqrt(squared);
            }

            var a = sums[labels[i]] / (counts[labels[i]] - 1);
            var b = Enumerable.Range(0, k).Where(c => c != labels[i]).Min(c => sums[c] / counts[c]);
            result[i] = (b - a) / Math.Max(a, b);
        }

        return result;
    }
}
