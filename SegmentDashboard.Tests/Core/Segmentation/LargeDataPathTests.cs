using SegmentDashboard.Core.Evaluation;
using SegmentDashboard.Core.Samples;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Core.Segmentation;

/// <summary>
/// The large-data path (sampled k-sweep, sampled stability, silhouette against a reference
/// sample) on a few thousand rows with lowered <see cref="SegmentationLimits"/>: it must be taken,
/// labelled, and stay close to the exact figures. No timings are asserted.
/// </summary>
public sealed class LargeDataPathTests
{
    private const int Rows = 6_000;

    private static readonly SegmentationLimits Lowered = new()
    {
        SweepRows = 1_000,
        StabilityRows = 1_500,
        ExactSilhouetteRows = 800,
        SilhouetteReferenceRows = 1_000,
    };

    [Fact]
    public async Task SegmentAsync_AboveLoweredLimits_TakesTheSampledPathAndSaysSo()
    {
        var service = new SegmentationService(Lowered);
        var dataset = SampleCustomers.Generate(Rows);

        var result = await service.SegmentAsync(dataset, new SegmentationRequest { Seed = 3 });

        Assert.NotNull(result.Sweep);
        Assert.Contains("random sample of 1,000 of the 6,000 customers", result.Sweep!.Reason, StringComparison.Ordinal);
        Assert.Equal(result.Sweep.SuggestedK, result.ClusterCount);
        Assert.Equal(Rows, result.Labels.Length);
        Assert.True(result.Silhouette.IsSampled);
        Assert.NotNull(result.Note);
        Assert.Contains("k-sweep (elbow and silhouette by k) ran on a random sample of 1,000 of the 6,000 customers", result.Note, StringComparison.Ordinal);
        Assert.Contains("Stability re-clusters 80% resamples of a random sample of 1,500 customers", result.Note, StringComparison.Ordinal);
        Assert.Contains("reference sample of about 1,000 customers", result.Note, StringComparison.Ordinal);
        Assert.InRange(result.Metrics.Stability, 0.5, 1.0);
    }

    [Fact]
    public async Task SegmentAsync_AboveLoweredLimits_SampledSilhouetteIsWithinFourStatedErrorsOfExact()
    {
        var service = new SegmentationService(Lowered);
        var dataset = SampleCustomers.Generate(Rows);

        var result = await service.SegmentAsync(dataset, new SegmentationRequest { ClusterCount = 4, Seed = 5, IncludeSweep = false, IncludeStability = false });
        var exact = Silhouette.Exact(result.Prepared.Matrix, result.Labels.AsSpan()).Score;

        Assert.True(result.Silhouette.StandardError > 0);
        Assert.InRange(result.Metrics.Silhouette, exact - (4 * result.Silhouette.StandardError), exact + (4 * result.Silhouette.StandardError));
    }

    [Fact]
    public async Task SegmentAsync_BelowTheLimits_UsesEveryRowAndAddsNoNote()
    {
        var service = new SegmentationService();
        var dataset = SampleCustomers.Generate(1_000);

        var result = await service.SegmentAsync(dataset, new SegmentationRequest { Seed = 3 });

        Assert.DoesNotContain("random sample", result.Sweep!.Reason, StringComparison.Ordinal);
        Assert.False(result.Silhouette.IsSampled);
        Assert.Null(result.Note);
    }

    [Fact]
    public async Task ComputeWithReference_StandardErrorCoversQueryAndReferenceError()
    {
        var dataset = SampleCustomers.Generate(Rows);
        var result = await new SegmentationService().SegmentAsync(dataset, new SegmentationRequest { ClusterCount = 3, IncludeSweep = false, IncludeStability = false });
        var x = result.Prepared.Matrix;

        var withReference = Silhouette.ComputeWithReference(x, result.Labels.AsSpan(), 800, 1_000, 11, CancellationToken.None);
        var againstAllRows = Silhouette.Compute(x, result.Labels.AsSpan(), 800, 11);

        // Same query sample; the reference adds error, so the stated error can only grow.
        Assert.Equal(againstAllRows.SampleRows.ToArray(), withReference.SampleRows.ToArray());
        Assert.True(withReference.StandardError >= againstAllRows.StandardError);
        Assert.InRange(withReference.Score, againstAllRows.Score - (3 * withReference.StandardError), againstAllRows.Score + (3 * withReference.StandardError));
    }

    [Fact]
    public void SampleRows_SameSeed_SameSortedDistinctRows()
    {
        var first = SegmentationPipeline.SampleRows(10_000, 500, 9);
        var second = SegmentationPipeline.SampleRows(10_000, 500, 9);

        Assert.Equal(first, second);
        Assert.Equal(500, first.Distinct().Count());
        Assert.Equal(first.Order(), first);
        Assert.All(first, row => Assert.InRange(row, 0, 9_999));
        Assert.NotEqual(first, SegmentationPipeline.SampleRows(10_000, 500, 10));
    }
}
