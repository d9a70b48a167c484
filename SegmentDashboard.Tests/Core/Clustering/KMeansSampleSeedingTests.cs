using SegmentDashboard.Core.Clustering;

namespace SegmentDashboard.Tests.Core.Clustering;

public class KMeansSampleSeedingTests
{
    [Fact]
    public void Fit_LargeInput_SampleSeedingDeterministicAndGood()
    {
        // Arrange: enough rows for the sample seeding path.
        var x = ClusteringTestData.Blobs(KMeans.SampleSeedingMinRows + 1_000, 3, 5, seed: 40);
        var options = new KMeansOptions(5) { Restarts = 1, Seed = 7 };

        // Act
        var one = KMeans.FitWithParallelism(x, options, 1);
        var two = KMeans.FitWithParallelism(x, options, 2);
        var exact = new KMeansEngine(x, 5, 2, CancellationToken.None);
        var bestExact = double.PositiveInfinity;
        var random = new Random(1);
        for (var restart = 0; restart < 4; restart++)
        {
            exact.InitializePlusPlus(random);
            bestExact = Math.Min(bestExact, exact.RunAccelerated(300, 0).Inertia);
        }

        // Assert: thread-count independent, and as good as the best of 4 full-data k-means++ restarts.
        Assert.Equal(one.Labels.ToArray(), two.Labels.ToArray());
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Inertia), BitConverter.DoubleToInt64Bits(two.Inertia));
        Assert.True(one.Inertia <= bestExact * 1.005, $"sample-seeded inertia {one.Inertia} vs best full k-means++ {bestExact}");
    }
}
