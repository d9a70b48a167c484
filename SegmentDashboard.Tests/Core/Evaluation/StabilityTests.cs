using System.Collections.Immutable;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Evaluation;

public sealed class StabilityTests
{
    [Fact]
    public void Compute_ClusterFunctionReproducingReference_ScoreOneOnSubsampleRows()
    {
        // Arrange: the cluster function looks each subsample row up in the full data and returns
        // its reference label, renumbered; ARI must then be exactly 1 on every resample, which
        // only holds if the reference labels are restricted to the same rows in the same order.
        var fixture = ReferenceFixture.Load();
        var reference = fixture.IntArray("kmeans_k4", "labels").ToImmutableArray();
        var rowIndex = Enumerable.Range(0, 300).ToDictionary(i => Key(fixture.Scaled.Row(i)));
        var sizes = new List<int>();
        ImmutableArray<int> Cluster(FeatureMatrix sub, CancellationToken ct)
        {
            sizes.Add(sub.Rows);
            return [.. Enumerable.Range(0, sub.Rows).Select(i => 10 - reference[rowIndex[Key(sub.Row(i))]])];
        }

        // Act
        var result = Stability.Compute(fixture.Scaled, reference, Cluster, resamples: 4, sampleFraction: 0.8, seed: 3);

        // Assert
        Assert.Equal([240, 240, 240, 240], sizes);
        Assert.Equal([1.0, 1.0, 1.0, 1.0], result.Scores.ToArray());
        Assert.Equal(1.0, result.Score);
        Assert.Equal(0.8, result.SampleFraction);
    }

    [Fact]
    public void Compute_ReclusteringWithTestKMeans_StableAndDeterministicForSeed()
    {
        // Arrange
        var fixture = ReferenceFixture.Load();
        var reference = fixture.IntArray("kmeans_k4", "labels").ToImmutableArray();
        static ImmutableArray<int> Cluster(FeatureMatrix sub, CancellationToken ct) => TestClustering.KMeans(sub, 4, restarts: 3);

        // Act
        var first = Stability.Compute(fixture.Scaled, reference, Cluster, resamples: 3, seed: 1);
        var again = Stability.Compute(fixture.Scaled, reference, Cluster, resamples: 3, seed: 1);

        // Assert: four well-separated blobs are re-found on every subsample.
        Assert.All(first.Scores, s => Assert.InRange(s, 0.95, 1.0));
        Assert.Equal(first.Scores.ToArray(), again.Scores.ToArray());
        Assert.Equal(first.Scores.Average(), first.Score, 15);
    }

    [Fact]
    public void Compute_RandomLabels_ScoreNearZero()
    {
        // Arrange
        var fixture = ReferenceFixture.Load();
        var reference = fixture.IntArray("kmeans_k4", "labels").ToImmutableArray();
        var random = new Random(5);
        ImmutableArray<int> Cluster(FeatureMatrix sub, CancellationToken ct) => [.. Enumerable.Range(0, sub.Rows).Select(_ => random.Next(4))];

        // Act
        var result = Stability.Compute(fixture.Scaled, reference, Cluster, resamples: 5, seed: 2);

        // Assert
        Assert.InRange(result.Score, -0.05, 0.05);
    }

    [Fact]
    public void Compute_InvalidArguments_ThrowWithParameterNames()
    {
        // Arrange
        var x = FeatureMatrix.FromRows([[0.0], [1.0], [2.0], [3.0]]);
        ImmutableArray<int> labels = [0, 0, 1, 1];
        static ImmutableArray<int> Cluster(FeatureMatrix sub, CancellationToken ct) => [.. new int[sub.Rows]];

        // Act & Assert
        Assert.Equal("resamples", Assert.Throws<ArgumentOutOfRangeException>(() => Stability.Compute(x, labels, Cluster, resamples: 0)).ParamName);
        Assert.Equal("sampleFraction", Assert.Throws<ArgumentOutOfRangeException>(() => Stability.Compute(x, labels, Cluster, sampleFraction: 0)).ParamName);
        Assert.Equal("sampleFraction", Assert.Throws<ArgumentOutOfRangeException>(() => Stability.Compute(x, labels, Cluster, sampleFraction: 1.5)).ParamName);
        Assert.Equal("referenceLabels", Assert.Throws<ArgumentException>(() => Stability.Compute(x, [0, 1], Cluster)).ParamName);
    }

    [Fact]
    public void Compute_CancelledToken_Throws()
    {
        // Arrange
        var x = FeatureMatrix.FromRows([[0.0], [1.0], [2.0], [3.0]]);
        using var source = new CancellationTokenSource();
        source.Cancel();

        // Act & Assert
        Assert.ThrowsAny<OperationCanceledException>(() => Stability.Compute(x, [0, 0, 1, 1], (sub, _) => [.. new int[sub.Rows]], cancellationToken: source.Token));
    }

    private static string Key(ReadOnlySpan<double> row) => string.Join(",", row.ToArray().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
