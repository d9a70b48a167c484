using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Segmentation;

namespace SegmentDashboard.Tests.Core.Segmentation;

public sealed class AssignToSegmentsTests
{
    private static readonly SegmentationRequest Request = new() { ClusterCount = 5, Seed = 3, IncludeSweep = false, IncludeStability = false };

    [Fact]
    public async Task AssignToSegments_SameData_ReproducesTheLabels()
    {
        var service = new SegmentationService();
        var saved = await service.SegmentAsync(service.Sample(), Request);

        var assigned = SegmentationService.AssignToSegments(saved, service.Sample());

        // Converged K-means labels are nearest-centroid labels; allow a handful of ties/imputed rows.
        var same = assigned.Zip(saved.RowLabels).Count(pair => pair.First == pair.Second);
        Assert.True(same >= 1_990, $"{same} of 2,000 rows kept their segment");
    }

    [Fact]
    public async Task AssignToSegments_NewCustomers_UnseenLevelAndMissingValueHandled()
    {
        var service = new SegmentationService();
        var features = new[] { "AnnualIncome", "DaysSinceLastPurchase", "PreferredCategory" };
        var saved = await service.SegmentAsync(service.Sample(), Request with { Features = [.. features], ClusterCount = 3 });
        var newData = new Dataset(
            "new.csv",
            [
                new NumericColumn("AnnualIncome", [150_000, 30_000, double.NaN]),
                new NumericColumn("DaysSinceLastPurchase", [5, 300, 10]),
                new CategoricalColumn("PreferredCategory", [0, 1, -1], ["Electronics", "Garden"]),
            ],
            3,
            null,
            []);

        var assigned = SegmentationService.AssignToSegments(saved, newData);

        Assert.Equal(3, assigned.Length);
        Assert.All(assigned, label => Assert.InRange(label, 0, 2));
    }

    [Fact]
    public async Task AssignToSegments_LongInactiveCustomer_GoesToTheLapsedSegment()
    {
        var service = new SegmentationService();
        var saved = await service.SegmentAsync(service.Sample(), Request with { Features = ["AnnualIncome", "DaysSinceLastPurchase"], ClusterCount = 3 });
        var newData = new Dataset(
            "new.csv",
            [new NumericColumn("AnnualIncome", [60_000, double.NaN]), new NumericColumn("DaysSinceLastPurchase", [400, 350])],
            2,
            null,
            []);

        var assigned = SegmentationService.AssignToSegments(saved, newData);

        var lapsed = saved.Profiles.OrderByDescending(p => p.Traits.Single(t => t.Feature == "DaysSinceLastPurchase").EffectSize).First().SegmentId;
        Assert.Equal([lapsed, lapsed], assigned.ToArray());
    }

    [Fact]
    public async Task AssignToSegments_ColumnMissing_ThrowsNamingIt()
    {
        var service = new SegmentationService();
        var saved = await service.SegmentAsync(service.Sample(), Request with { Features = ["AnnualIncome", "Age"] });
        var newData = new Dataset("new.csv", [new NumericColumn("AnnualIncome", [1.0])], 1, null, []);

        var error = Assert.Throws<InvalidInputException>(() => SegmentationService.AssignToSegments(saved, newData));

        Assert.Contains("'Age'", error.Message, StringComparison.Ordinal);
    }
}
