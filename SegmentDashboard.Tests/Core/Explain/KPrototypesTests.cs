using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;

namespace SegmentDashboard.Tests.Core.Explain;

public sealed class KPrototypesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void FitFrom_SameStart_ReachesTheNaiveReferencesFixedPoint(int seed)
    {
        // Arrange
        var (data, _, _) = Planted(300, seed);
        var start = KPrototypes.InitialRows(data.Rows, 3, seed, 0);
        const double gamma = 0.7;

        // Act
        var fit = KPrototypes.FitFrom(data, start, gamma, 100);
        var (labels, means, modes) = NaiveKPrototypes(data, [.. start], gamma);

        // Assert
        Assert.True(fit.Converged);
        Assert.Equal(labels, fit.Labels.ToArray());
        Assert.Equal(modes, fit.Modes.ToArray());
        for (var i = 0; i < means.Length; i++)
        {
            Assert.Equal(means[i], fit.Means[i], 1e-12);
        }
    }

    [Fact]
    public void Fit_PlantedMixedStructure_KPrototypesFindsItWhereOneHotKMeansDoesNot()
    {
        // Arrange: 3 planted segments shown by two numbers and one category, plus four 3-level
        // categories that mostly repeat an unrelated hidden factor. One-hot K-means counts each
        // indicator column as a full squared unit, so that block outweighs the planted numbers;
        // k-prototypes counts a mismatch once, weighted by gamma.
        var (data, planted, oneHot) = Planted(600, 42);

        // Act
        var prototypes = KPrototypes.Fit(data, new KPrototypesOptions(3) { Seed = 1, Restarts = 10 });
        var kmeans = KMeans.Fit(oneHot, new KMeansOptions(3) { Seed = 1 });
        var ariPrototypes = AdjustedRandIndex.Compute(planted, prototypes.Labels.AsSpan());
        var ariKMeans = AdjustedRandIndex.Compute(planted, kmeans.Labels.AsSpan());

        // Assert
        Assert.True(ariPrototypes > 0.75, $"k-prototypes ARI {ariPrototypes}, one-hot K-means ARI {ariKMeans}");
        Assert.True(ariKMeans < 0.1, $"k-prototypes ARI {ariPrototypes}, one-hot K-means ARI {ariKMeans}");
    }

    [Fact]
    public void DefaultGamma_IsHalfTheMeanNumericStandardDeviation()
    {
        var data = MixedData.FromRows([[0, 10], [2, 10], [4, 40], [6, 40]], [[0], [1], [0], [1]]);

        // Population standard deviations: sqrt(5) and 15.
        Assert.Equal(0.5 * (Math.Sqrt(5) + 15) / 2, KPrototypes.DefaultGamma(data), 1e-12);
    }

    [Fact]
    public void Fit_BadOptions_NameTheOption()
    {
        var data = MixedData.FromRows([[0.0], [1.0]], [[0], [1]]);

        var error = Assert.Throws<ArgumentException>(() => KPrototypes.Fit(data, new KPrototypesOptions(3)));

        Assert.Contains("ClusterCount", error.Message, StringComparison.Ordinal);
    }

    internal static (MixedData Data, int[] Planted, FeatureMatrix OneHot) Planted(int n, int seed)
    {
        var random = new Random(seed);
        var numeric = new double[n][];
        var categories = new int[n][];
        var planted = new int[n];
        for (var i = 0; i < n; i++)
        {
            var segment = i % 3;
            var hidden = random.Next(0, 3);
            planted[i] = segment;
            numeric[i] = [(segment * 1.2) + (0.35 * Gaussian(random)), (segment * -1.2) + (0.35 * Gaussian(random))];
            var shown = random.NextDouble() < 0.8 ? segment : random.Next(0, 3);
            categories[i] = [shown, .. Enumerable.Range(0, 4).Select(_ => random.NextDouble() < 0.97 ? hidden : random.Next(0, 3))];
        }

        Standardize(numeric);
        var data = MixedData.FromRows(numeric, categories);
        var levels = data.LevelCounts.ToArray();
        var oneHot = numeric.Select((row, i) => row.Concat(categories[i].SelectMany((code, f) => Enumerable.Range(0, levels[f]).Select(level => level == code ? 1.0 : 0.0))).ToArray()).ToArray();
        return (data, planted, FeatureMatrix.FromRows(oneHot));
    }

    private static void Standardize(double[][] rows)
    {
        for (var f = 0; f < rows[0].Length; f++)
        {
            var mean = rows.Average(row => row[f]);
            var sd = Math.Sqrt(rows.Average(row => (row[f] - mean) * (row[f] - mean)));
            foreach (var row in rows)
            {
                row[f] = (row[f] - mean) / sd;
            }
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Huang's algorithm written plainly from the paper (batch form), for comparison.</summary>
    private static (int[] Labels, double[] Means, int[] Modes) NaiveKPrototypes(MixedData data, int[] start, double gamma)
    {
        var k = start.Length;
        var p = data.NumericColumns;
        var q = data.CategoricalColumns;
        var means = start.SelectMany(row => Enumerable.Range(0, p).Select(f => data.NumberAt(row, f))).ToArray();
        var modes = start.SelectMany(row => Enumerable.Range(0, q).Select(f => data.CodeAt(row, f))).ToArray();
        var labels = Enumerable.Repeat(-1, data.Rows).ToArray();
        while (true)
        {
            var next = Enumerable.Range(0, data.Rows).Select(i =>
            {
                var costs = Enumerable.Range(0, k).Select(c =>
                    Enumerable.Range(0, p).Sum(f => Math.Pow(data.NumberAt(i, f) - means[(c * p) + f], 2)) +
                    (gamma * Enumerable.Range(0, q).Count(f => data.CodeAt(i, f) != modes[(c * q) + f]))).ToList();
                return costs.IndexOf(costs.Min());
            }).ToArray();
            if (next.SequenceEqual(labels))
            {
                return (labels, means, modes);
            }

            labels = next;
            for (var c = 0; c < k; c++)
            {
                var members = Enumerable.Range(0, data.Rows).Where(i => labels[i] == c).ToList();
                if (members.Count == 0)
                {
                    continue;
                }

                for (var f = 0; f < p; f++)
                {
                    means[(c * p) + f] = members.Sum(i => data.NumberAt(i, f)) / members.Count;
                }

                for (var f = 0; f < q; f++)
                {
                    modes[(c * q) + f] = members.GroupBy(i => data.CodeAt(i, f)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                }
            }
        }
    }
}
