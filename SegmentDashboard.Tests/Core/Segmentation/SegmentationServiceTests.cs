using System.Text;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Samples;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Core.Segmentation;

public sealed class SegmentationServiceTests
{
    private static readonly SegmentationRequest Quick = new() { ClusterCount = 5, Seed = 7, IncludeSweep = false, IncludeStability = false };

    [Theory]
    [InlineData(1, "ClusterCount")]
    [InlineData(16, "ClusterCount")]
    public async Task SegmentAsync_KOutOfRange_ThrowsOnClusterCount(int k, string param)
    {
        var service = new SegmentationService();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => service.SegmentAsync(service.Sample(), Quick with { ClusterCount = k }));

        Assert.Equal(param, error.ParamName);
        Assert.Contains("k must be between 2 and 15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_BadDbscanParameters_ThrowOnTheirProperty()
    {
        var service = new SegmentationService();
        var dbscan = Quick with { Algorithm = ClusteringAlgorithm.Dbscan };

        Assert.Equal("Eps", (await Assert.ThrowsAsync<InvalidInputException>(() => service.SegmentAsync(service.Sample(), dbscan with { Eps = 0 }))).ParamName);
        Assert.Equal("Eps", (await Assert.ThrowsAsync<InvalidInputException>(() => service.SegmentAsync(service.Sample(), dbscan with { Eps = -1 }))).ParamName);
        Assert.Equal("MinSamples", (await Assert.ThrowsAsync<InvalidInputException>(() => service.SegmentAsync(service.Sample(), dbscan with { MinSamples = 0 }))).ParamName);
    }

    [Fact]
    public async Task SegmentAsync_UnknownFeature_ThrowsOnFeaturesNamingIt()
    {
        var service = new SegmentationService();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => service.SegmentAsync(service.Sample(), Quick with { Features = ["Age", "Salary"] }));

        Assert.Equal("Features", error.ParamName);
        Assert.Contains("'Salary'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_ZeroRestarts_ThrowsOnRestarts()
    {
        var service = new SegmentationService();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => service.SegmentAsync(service.Sample(), Quick with { Restarts = 0 }));

        Assert.Equal("Restarts", error.ParamName);
    }

    [Fact]
    public async Task SegmentAsync_KAboveRowsLeftAfterDrop_ThrowsWithCounts()
    {
        var values = Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? double.NaN : i).ToArray();
        var dataset = new Dataset("t.csv", [new NumericColumn("Spend", [.. values])], 12, null, []);
        var request = Quick with { ClusterCount = 10, Missing = MissingValueStrategy.DropRows };

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => new SegmentationService().SegmentAsync(dataset, request));

        Assert.Equal("ClusterCount", error.ParamName);
        Assert.Contains("k = 10 is more than the 8 rows left after dropping missing values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_AsManySegmentsAsRows_UndefinedScoresAreNaN()
    {
        var dataset = new Dataset("t.csv", [new NumericColumn("Spend", [1, 5, 9, 20])], 4, null, []);
        var request = Quick with { ClusterCount = 4, IncludeStability = true, IncludeSweep = true };

        var result = await new SegmentationService().SegmentAsync(dataset, request);

        Assert.Equal(4, result.ClusterCount);
        Assert.True(double.IsNaN(result.Metrics.Silhouette));
        Assert.True(double.IsNaN(result.Metrics.Stability));
        Assert.Equal(4, result.Profiles.Length);
    }

    [Fact]
    public async Task SegmentAsync_DbscanFindsOnlyNoise_ThrowsOnEpsSuggestingLarger()
    {
        var service = new SegmentationService();
        var request = Quick with { Algorithm = ClusteringAlgorithm.Dbscan, Eps = 1e-6, MinSamples = 5 };

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => service.SegmentAsync(service.Sample(), request));

        Assert.Equal("Eps", error.ParamName);
        Assert.Contains("larger eps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_CancelledBeforeStart_Throws()
    {
        var service = new SegmentationService();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.SegmentAsync(service.Sample(), Quick, null, cts.Token));
    }

    [Fact]
    public async Task SegmentAsync_CancelledDuringClustering_Throws()
    {
        var service = new SegmentationService();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Stage == "Clustering")
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.SegmentAsync(service.Sample(), Quick with { IncludeStability = true }, progress, cts.Token));
    }

    [Fact]
    public async Task SegmentAsync_SampleWithK5_FindsThePlantedSegmentsWithProfiles()
    {
        var service = new SegmentationService();
        var (_, planted) = SampleCustomers.GenerateWithTruth();
        var progress = new SyncProgress(_ => { });

        var result = await service.SegmentAsync(service.Sample(), Quick with { IncludeSweep = true, IncludeStability = true }, progress);

        Assert.Equal(5, result.ClusterCount);
        Assert.Equal(5, result.Profiles.Length);
        Assert.Equal(5, result.Profiles.Select(p => p.Name).Distinct().Count());
        Assert.Equal(2_000, result.RowLabels.Length);
        Assert.Equal(2_000, result.Prepared.Matrix.Rows); // median imputation keeps every row
        Assert.Equal(result.Profiles.Sum(p => p.Size), result.RowLabels.Count(l => l >= 0));
        Assert.Equal(5, result.Centroids.Rows);
        Assert.Equal(result.Prepared.Matrix.Columns, result.Centroids.Columns);
        Assert.Equal(2, result.Projection.ComponentCount);
        Assert.NotNull(result.Sweep);
        Assert.InRange(result.Metrics.Silhouette, 0.15, 1);
        Assert.InRange(result.Metrics.Stability, 0.5, 1);
        Assert.True(AdjustedRandIndex.Compute(planted.AsSpan(), result.RowLabels.AsSpan()) > 0.7, "the planted groups are found");
        Assert.DoesNotContain(result.Prepared.Features, f => f.SourceColumn == "CustomerId");
        Assert.Contains(result.Profiles, p => p.Playbook.ProductCategories.Length > 0);
        Assert.Equal(1.0, progress.Reports[^1].Fraction, 9);
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(pair => pair.Second.Fraction >= pair.First.Fraction - 1e-12), "progress never goes back");
    }

    [Fact]
    public async Task SegmentAsync_SameSeed_SameResult()
    {
        var service = new SegmentationService();
        var request = Quick with { IncludeStability = true };

        var first = await service.SegmentAsync(service.Sample(), request);
        var second = await service.SegmentAsync(service.Sample(), request);

        Assert.Equal(first.Labels.ToArray(), second.Labels.ToArray());
        Assert.Equal(first.Metrics, second.Metrics);
        Assert.Equal(first.Profiles.Select(p => p.Name), second.Profiles.Select(p => p.Name));
    }

    [Fact]
    public async Task SegmentAsync_NoClusterCount_UsesTheSweepSuggestion()
    {
        var service = new SegmentationService();

        var result = await service.SegmentAsync(service.Sample(), Quick with { ClusterCount = null });

        Assert.NotNull(result.Sweep);
        Assert.Equal(result.Sweep!.SuggestedK, result.ClusterCount);
    }

    [Fact]
    public async Task SegmentAsync_Hierarchical_DendrogramAndKSegments()
    {
        var service = new SegmentationService();

        var result = await service.SegmentAsync(service.Sample(), Quick with { Algorithm = ClusteringAlgorithm.Hierarchical, ClusterCount = 4 });

        Assert.Equal(4, result.ClusterCount);
        Assert.NotNull(result.Dendrogram);
        Assert.Equal(2_000, result.Dendrogram!.LeafCount);
        Assert.Null(result.Note);
    }

    [Fact]
    public async Task SegmentAsync_HierarchicalAboveLimit_RunsOverMicroClustersAndSaysSo()
    {
        var service = new SegmentationService(new SegmentationLimits { ExactHierarchicalRows = 500, MicroClusters = 100 });

        var result = await service.SegmentAsync(service.Sample(), Quick with { Algorithm = ClusteringAlgorithm.Hierarchical, ClusterCount = 5 });

        Assert.Equal(5, result.ClusterCount);
        Assert.Equal(100, result.Dendrogram!.LeafCount);
        Assert.StartsWith("Hierarchical clustering of 2,000 customers ran over 100 K-means micro-clusters", result.Note, StringComparison.Ordinal);
        Assert.All(result.Labels, label => Assert.InRange(label, 0, 4));
    }

    [Fact]
    public async Task SegmentAsync_Dbscan_ClusterCountIsWhatItFound()
    {
        var service = new SegmentationService();
        var request = Quick with
        {
            Algorithm = ClusteringAlgorithm.Dbscan,
            Features = ["AnnualIncome", "AvgRatingGiven", "DaysSinceLastPurchase", "ReviewsWritten"],
            Eps = 0.5,
            MinSamples = 10,
            IncludeStability = true,
        };

        var result = await service.SegmentAsync(service.Sample(), request);

        Assert.Equal(result.Labels.Where(l => l >= 0).Distinct().Count(), result.ClusterCount);
        Assert.True(result.ClusterCount >= 1);
        Assert.Equal(result.ClusterCount, result.Profiles.Length);
        Assert.InRange(result.Metrics.Stability, -1, 1);
    }

    [Fact]
    public async Task SweepAsync_SameRequest_EqualsTheSweepOfSegmentAsync()
    {
        var service = new SegmentationService();
        var request = Quick with { ClusterCount = null, Features = ["AnnualIncome", "AvgRatingGiven", "DaysSinceLastPurchase"] };

        var sweep = await service.SweepAsync(service.Sample(), request);
        var result = await service.SegmentAsync(service.Sample(), request);

        Assert.Equal(result.Sweep!.SuggestedK, sweep.SuggestedK);
        Assert.Equal(result.Sweep.Points.Select(p => (p.K, p.Inertia)), sweep.Points.Select(p => (p.K, p.Inertia)));
        Assert.Equal(Enumerable.Range(2, 14), sweep.Points.Select(p => p.K));
    }

    [Fact]
    public void Sample_TwoCalls_SameSharedInstance()
    {
        Assert.Same(new SegmentationService().Sample(), new SegmentationService().Sample());
    }

    [Fact]
    public async Task LoadCsvAsync_SampleCsv_ReadsBackWithTheSameKinds()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SampleCustomers.ToCsv()));

        var dataset = await new SegmentationService().LoadCsvAsync(stream, "sample.csv");

        Assert.Equal(2_000, dataset.RowCount);
        var expected = SampleCustomers.Generate();
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Kind)), dataset.Columns.Select(c => (c.Name, c.Kind)));
    }

    private sealed class SyncProgress(Action<SegmentationProgress> onReport) : IProgress<SegmentationProgress>
    {
        public List<SegmentationProgress> Reports { get; } = [];

        public void Report(SegmentationProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }

            onReport(value);
        }
    }
}
