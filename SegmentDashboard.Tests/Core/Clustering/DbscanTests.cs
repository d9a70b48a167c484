using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Clustering;

public class DbscanTests
{
    [Fact]
    public void Fit_ReferenceFixture_MatchesScikitLearn()
    {
        // Arrange: scikit-learn 1.2.1 DBSCAN(eps=0.5, min_samples=5) on the z-scored fixture.
        var fixture = ReferenceFixture.Load();
        var expected = fixture.IntArray("dbscan_eps0.5_min5", "labels");

        // Act
        var result = Dbscan.Fit(fixture.Scaled, new DbscanOptions(0.5, 5));

        // Assert: same partition, noise (-1) on the same rows.
        Partitions.AssertEquivalent(expected, result.Labels);
        Assert.Equal(expected.Select(l => l < 0), result.Labels.Select(l => l < 0));
        Assert.Equal(fixture.Get("dbscan_eps0.5_min5", "n_clusters").GetInt32(), result.ClusterCount);
        Assert.Equal(fixture.Get("dbscan_eps0.5_min5", "n_noise").GetInt32(), result.NoiseCount);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(20, 6)]
    public void Fit_RandomData_MatchesNaiveDbscan(int columns, int minSamples)
    {
        // Arrange: 20 columns exceeds the KD-tree limit, so that case runs the brute-force path.
        // eps = the 90th percentile of the distance to the (minSamples-1)-th neighbour: some noise.
        var x = ClusteringTestData.Blobs(1_000, columns, 5, seed: columns);
        // (midway between two observed distances, so no pair sits exactly on the boundary).
        var kDistances = Enumerable.Range(0, x.Rows)
            .Select(i => Enumerable.Range(0, x.Rows).Where(j => j != i).Select(j => Distance(x, i, j)).Order().ElementAt(minSamples - 2))
            .Order().ToArray();
        var eps = (kDistances[900] + kDistances[901]) / 2;
        var expected = NaiveDbscan(x, eps, minSamples, out var expectedCore);

        // Act
        var result = Dbscan.Fit(x, new DbscanOptions(eps, minSamples));

        // Assert
        Assert.True(ClusterLabels.Count(expected) > 1, "test data should form several clusters");
        Assert.True(expected.Any(l => l < 0), "test data should have noise");
        Partitions.AssertEquivalent(expected, result.Labels);
        Assert.Equal(expected.Select(l => l < 0), result.Labels.Select(l => l < 0));
        Assert.Equal(expectedCore, result.IsCore.ToArray());
    }

    [Fact]
    public void Fit_Labels_CanonicalWithNoiseMinusOne()
    {
        // Two groups of 3 and 5 points plus an outlier; min samples 3 (the point counts itself).
        var x = FeatureMatrix.FromRows([
            [0.0, 0], [0.1, 0], [0.2, 0],
            [5.0, 5], [5.1, 5], [5.2, 5], [5.3, 5], [5.4, 5],
            [20.0, 20]]);

        var result = Dbscan.Fit(x, new DbscanOptions(0.15, 3));

        Assert.Equal([1, 1, 1, 0, 0, 0, 0, 0, -1], result.Labels.ToArray());
        Assert.Equal(2, result.ClusterCount);
        Assert.Equal(1, result.NoiseCount);
        Assert.Equal([false, true, false, false, true, true, true, false, false], result.IsCore.ToArray());
    }

    [Fact]
    public void Fit_MinSamplesOne_EveryPointIsCore()
    {
        var x = FeatureMatrix.FromRows([[0.0], [10.0], [20.0]]);

        var result = Dbscan.Fit(x, new DbscanOptions(1, 1));

        Assert.Equal(3, result.ClusterCount);
        Assert.Equal(0, result.NoiseCount);
    }

    [Fact]
    public void Fit_Input_NotMutated()
    {
        var x = ClusteringTestData.Uniform(300, 3, seed: 4);
        var before = x.Data.ToArray();

        _ = Dbscan.Fit(x, new DbscanOptions(0.3, 4));
        _ = Dbscan.KDistances(x, 4);

        Assert.Equal(before, x.Data.ToArray());
    }

    [Fact]
    public void Fit_PreCancelledToken_Throws()
    {
        var x = ClusteringTestData.Uniform(300, 3, seed: 4);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Dbscan.Fit(x, new DbscanOptions(0.3, 4), cancellationToken: cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Dbscan.KDistances(x, 4, cts.Token));
    }

    [Theory]
    [InlineData(0.0, 5, "Eps")]
    [InlineData(-1.0, 5, "Eps")]
    [InlineData(double.NaN, 5, "Eps")]
    [InlineData(0.5, 0, "MinSamples")]
    public void Fit_InvalidOptions_ThrowNamingTheOption(double eps, int minSamples, string name)
    {
        var x = ClusteringTestData.Uniform(10, 2, seed: 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Dbscan.Fit(x, new DbscanOptions(eps, minSamples)));

        Assert.Equal(name, error.ParamName);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KDistances_Line_KthNeighbourSortedDescending()
    {
        // Points 0, 1, 3, 7: 2nd-nearest distances are 3 (0: 1,3), 2 (1: 1,2), 3 (3: 2,3), 6 (7: 4,6).
        var x = FeatureMatrix.FromRows([[0.0], [1.0], [3.0], [7.0]]);

        var distances = Dbscan.KDistances(x, 2);

        Assert.Equal([6.0, 3.0, 3.0, 2.0], distances.ToArray());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(18)]
    public void KDistances_RandomData_MatchesBruteForce(int columns)
    {
        var x = ClusteringTestData.Uniform(700, columns, seed: 3);
        const int k = 4;
        var expected = Enumerable.Range(0, x.Rows)
            .Select(i => Enumerable.Range(0, x.Rows).Where(j => j != i).Select(j => Distance(x, i, j)).Order().ElementAt(k - 1))
            .OrderDescending().ToArray();

        var actual = Dbscan.KDistances(x, k);

        for (var i = 0; i < expected.Length; i++)
        {
            Tolerance.AssertClose(expected[i], actual[i], 1e-12, $"k-distance {i}");
        }
    }

    [Fact]
    public void KDistances_KOutOfRange_Throws()
    {
        var x = ClusteringTestData.Uniform(5, 2, seed: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => Dbscan.KDistances(x, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dbscan.KDistances(x, 0));
    }

    /// <summary>Textbook DBSCAN over a full distance matrix, clusters grown from seeds in row order.</summary>
    private static int[] NaiveDbscan(FeatureMatrix x, double eps, int minSamples, out bool[] core)
    {
        var n = x.Rows;
        var neighbours = Enumerable.Range(0, n)
            .Select(i => Enumerable.Range(0, n).Where(j => Distance(x, i, j) <= eps).ToArray()).ToArray();
        core = neighbours.Select(list => list.Length >= minSamples).ToArray();
        var labels = Enumerable.Repeat(-1, n).ToArray();
        var next = 0;
        for (var seed = 0; seed < n; seed++)
        {
            if (labels[seed] != -1 || !core[seed])
            {
                continue;
            }

            var queue = new Queue<int>([seed]);
            labels[seed] = next;
            while (queue.Count > 0)
            {
                var p = queue.Dequeue();
                if (!core[p])
                {
                    continue;
                }

                foreach (var q in neighbours[p].Where(q => labels[q] == -1))
                {
                    labels[q] = next;
                    queue.Enqueue(q);
                }
            }

            next++;
        }

        return labels;
    }

    private static double Distance(FeatureMatrix x, int i, int j)
    {
        var sum = 0.0;
        for (var c = 0; c < x.Columns; c++)
        {
            var diff = x[i, c] - x[j, c];
            sum += diff * diff;
        }

        return Math.Sqrt(sum);
    }
}
