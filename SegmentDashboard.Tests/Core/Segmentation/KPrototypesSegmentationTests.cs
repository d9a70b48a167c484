using System.Globalization;
using System.Text;
using SegmentDashboard.Core.Clustering;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Numerics;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Segmentation;
using SegmentDashboard.Tests.Core.Clustering;

namespace SegmentDashboard.Tests.Core.Segmentation;

/// <summary>k-prototypes and Gower through the whole engine: categories as levels, gamma, the plan's distance.</summary>
public sealed class KPrototypesSegmentationTests
{
    private static readonly string[] Channels = ["web", "store", "app"];
    private static readonly string[] Regions = ["north", "south", "east", "west"];
    private static readonly System.Collections.Immutable.ImmutableArray<string> Columns = ["Spend", "Age", "Channel", "Region"];

    [Fact]
    public async Task SegmentAsync_KPrototypesOnMixedColumns_EqualsKPrototypesOnTheLevelsWithGowerSilhouette()
    {
        // Arrange
        var (dataset, spend, age, channel, region) = MixedCustomers(90, seed: 5);
        var request = new SegmentationRequest { Features = Columns, Algorithm = ClusteringAlgorithm.KPrototypes, ClusterCount = 3, Seed = 2, IncludeSweep = false, IncludeStability = false };

        // Act
        var result = await new SegmentationService().SegmentAsync(dataset, request);

        // Assert: the same partition as k-prototypes on z-scored numbers and category levels built here
        // by hand (no one-hot), the default gamma (half the mean population SD of z-scores = 0.5),
        // and the silhouette on Gower distances (Gower ignores the linear scaling).
        var scaled = ZScored(spend).Zip(ZScored(age), (s, a) => new[] { s, a }).ToArray();
        var codes = channel.Zip(region, (c, r) => new[] { c, r }).ToArray();
        var expected = KPrototypes.Fit(MixedData.FromRows(scaled, codes), new KPrototypesOptions(3) { Seed = 2 });
        GowerLinkageTests.AssertSamePartition([.. expected.Labels], [.. result.Labels]);
        Assert.Equal("gower", result.Distance);
        Assert.Equal(DistanceMeasure.Gower, result.Plan!.Distance);
        Assert.Equal(0.5, result.Gamma!.Value, 1e-12);
        var raw = spend.Zip(age, (s, a) => new[] { s, a }).ToArray();
        var silhouette = GowerSilhouette.Compute(MixedData.FromRows(raw, codes), result.Labels.AsSpan());
        Assert.Equal(silhouette.Score, result.Metrics.Silhouette, 1e-12);
    }

    [Fact]
    public async Task SegmentAsync_KPrototypesWithGamma_UsesTheGivenGamma()
    {
        // Arrange
        var (dataset, _, _, _, _) = MixedCustomers(60, seed: 6);
        var request = new SegmentationRequest { Features = Columns, Algorithm = ClusteringAlgorithm.KPrototypes, ClusterCount = 2, Gamma = 3.5, IncludeSweep = false, IncludeStability = false };

        // Act
        var result = await new SegmentationService().SegmentAsync(dataset, request);

        // Assert
        Assert.Equal(3.5, result.Gamma);
        Assert.Equal(2, result.ClusterCount);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task SegmentAsync_BadGamma_IsRefusedNamingGamma(double gamma)
    {
        var (dataset, _, _, _, _) = MixedCustomers(30, seed: 7);
        var request = new SegmentationRequest { Features = Columns, Algorithm = ClusteringAlgorithm.KPrototypes, ClusterCount = 2, Gamma = gamma };

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => new SegmentationService().SegmentAsync(dataset, request));

        Assert.Contains("Gamma", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LinkageMethod.Average)]
    [InlineData(LinkageMethod.Complete)]
    [InlineData(LinkageMethod.Single)]
    public async Task SegmentAsync_HierarchicalOnMixedColumns_LinksGowerDistances(LinkageMethod linkage)
    {
        // Arrange
        var (dataset, spend, age, channel, region) = MixedCustomers(80, seed: 8);
        var request = new SegmentationRequest { Features = Columns, Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = linkage, ClusterCount = 3, IncludeSweep = false, IncludeStability = false };

        // Act
        var result = await new SegmentationService().SegmentAsync(dataset, request);

        // Assert: the cut of the Gower linkage of the raw rows (Gower divides by each range, so scaling does not matter).
        var data = MixedData.FromRows(spend.Zip(age, (s, a) => new[] { s, a }).ToArray(), channel.Zip(region, (c, r) => new[] { c, r }).ToArray());
        var expected = HierarchicalClustering.FitGower(data, linkage).Cut(3);
        GowerLinkageTests.AssertSamePartition([.. expected], [.. result.Labels]);
        Assert.Equal("gower", result.Distance);
        Assert.Contains("Gower", result.Plan!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_WardOnMixedColumns_StaysEuclideanAndSaysSo()
    {
        var (dataset, _, _, _, _) = MixedCustomers(60, seed: 9);
        var request = new SegmentationRequest { Features = Columns, Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = LinkageMethod.Ward, ClusterCount = 3, IncludeSweep = false, IncludeStability = false };

        var result = await new SegmentationService().SegmentAsync(dataset, request);

        Assert.Equal("euclidean", result.Distance);
        Assert.Contains("Ward's criterion is defined on Euclidean distances", result.Plan!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_KMeansOnMixedColumns_StaysEuclidean()
    {
        var (dataset, _, _, _, _) = MixedCustomers(60, seed: 10);
        var request = new SegmentationRequest { Features = Columns, ClusterCount = 3, IncludeSweep = false, IncludeStability = false };

        var result = await new SegmentationService().SegmentAsync(dataset, request);

        Assert.Equal("euclidean", result.Distance);
        Assert.Null(result.Gamma);
    }

    [Fact]
    public async Task SegmentAsync_KPrototypesAboveItsExactLimit_FitsOnASampleAndAssignsEveryRow()
    {
        // Arrange: a limit of 50 rows for 120 customers.
        var (dataset, _, _, _, _) = MixedCustomers(120, seed: 11);
        var limits = new SegmentationLimits { ExactKPrototypesRows = 50 };
        var request = new SegmentationRequest { Features = Columns, Algorithm = ClusteringAlgorithm.KPrototypes, ClusterCount = 3, IncludeSweep = false, IncludeStability = true };

        // Act
        var result = await new SegmentationService(limits).SegmentAsync(dataset, request);

        // Assert
        Assert.Equal(ClusteringPath.Sampled, result.Plan!.Path);
        Assert.Equal(50, result.Plan.FitSampleRows);
        Assert.Contains("random sample of 50 of the 120 customers", result.Plan.Reason, StringComparison.Ordinal);
        Assert.Contains("random sample of 50", result.Note, StringComparison.Ordinal);
        Assert.Equal(120, result.Labels.Count(label => label >= 0));
        Assert.Equal(3, result.ClusterCount);
        Assert.False(double.IsNaN(result.Metrics.Stability));
    }

    [Fact]
    public void Choose_KPrototypes_ExactUpToTheLimitThenSampledNeverRefused()
    {
        var limits = new SegmentationLimits { ExactKPrototypesRows = 1_000 };
        var request = new SegmentationRequest { Features = Columns, Algorithm = ClusteringAlgorithm.KPrototypes };
        var layout = new MixedFeatureLayout([0, 1], [[2, 3, 4]]);

        var exact = ClusteringPlanner.Choose(request, 1_000, 5, limits, layout);
        var sampled = ClusteringPlanner.Choose(request, 1_001, 5, limits, layout);
        var numbersOnly = ClusteringPlanner.Choose(request, 1_000, 5, limits, new MixedFeatureLayout([0, 1, 2, 3, 4], []));

        Assert.Equal((ClusteringPath.Exact, DistanceMeasure.Gower, (int?)null), (exact.Path, exact.Distance, exact.FitSampleRows));
        Assert.Equal((ClusteringPath.Sampled, DistanceMeasure.Gower, (int?)1_000), (sampled.Path, sampled.Distance, sampled.FitSampleRows));
        Assert.Equal(DistanceMeasure.Euclidean, numbersOnly.Distance);
    }

    [Fact]
    public void Choose_AverageLinkageOnMixedFeaturesAboveTheMatrixBudget_FallsBackToEuclideanMicroClusters()
    {
        // 2 MB of work: the Gower matrix of 1,000 rows (4 MB) does not fit, so micro-clusters (Euclidean) run.
        var limits = new SegmentationLimits { MaxWorkBytes = 2L * 1024 * 1024, MicroClusters = 100 };
        var request = new SegmentationRequest { Features = Columns, Algorithm = ClusteringAlgorithm.Hierarchical, Linkage = LinkageMethod.Average };
        var layout = new MixedFeatureLayout([0], [[1, 2]]);

        var plan = ClusteringPlanner.Choose(request, 1_000, 3, limits, layout);

        Assert.Equal(ClusteringPath.MicroCluster, plan.Path);
        Assert.Equal(DistanceMeasure.Euclidean, plan.Distance);
        Assert.Contains("not Gower", plan.Reason, StringComparison.Ordinal);
        Assert.True(plan.MemoryEstimateBytes <= limits.MaxWorkBytes);
    }

    private static (Dataset Dataset, double[] Spend, double[] Age, int[] Channel, int[] Region) MixedCustomers(int rows, int seed)
    {
        var random = new Random(seed);
        var spend = new double[rows];
        var age = new double[rows];
        var channel = new int[rows];
        var region = new int[rows];
        var csv = new StringBuilder("Spend,Age,Channel,Region\n");
        for (var i = 0; i < rows; i++)
        {
            var group = i % 3;
            spend[i] = Math.Round((100 * group) + (random.NextDouble() * 80), 2);
            age[i] = 20 + random.Next(0, 50);
            channel[i] = random.NextDouble() < 0.8 ? group : random.Next(0, 3);
            region[i] = random.Next(0, 4);
            csv.Append(CultureInfo.InvariantCulture, $"{spend[i].ToString(CultureInfo.InvariantCulture)},{age[i].ToString(CultureInfo.InvariantCulture)},{Channels[channel[i]]},{Regions[region[i]]}\n");
        }

        var dataset = CsvLoader.LoadText(csv.ToString());
        Assert.Equal(ColumnKind.Categorical, dataset["Channel"].Kind);
        Assert.Equal(ColumnKind.Categorical, dataset["Region"].Kind);
        return (dataset, spend, age, channel, region);
    }

    private static double[] ZScored(double[] values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        return [.. values.Select(v => (v - mean) / sd)];
    }
}
