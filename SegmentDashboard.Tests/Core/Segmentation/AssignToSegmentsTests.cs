using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;
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

    [Theory]
    [InlineData(MissingValueStrategy.Median)]
    [InlineData(MissingValueStrategy.Mean)]
    [InlineData(MissingValueStrategy.Constant)]
    public async Task AssignToSegments_MissingIncome_PlacedLikeTheSavedFillOfTheColumn(MissingValueStrategy missing)
    {
        // Arrange: the fill the saved strategy gives AnnualIncome over the customers it segmented (all of them).
        var service = new SegmentationService();
        var saved = await service.SegmentAsync(service.Sample(), Request with { Features = ["AnnualIncome", "DaysSinceLastPurchase"], ClusterCount = 4, Missing = missing });
        var incomes = ((NumericColumn)saved.Dataset["AnnualIncome"]).Values.Where(double.IsFinite).Order().ToArray();
        var fill = missing switch
        {
            MissingValueStrategy.Median => incomes.Length % 2 == 1 ? incomes[incomes.Length / 2] : (incomes[(incomes.Length / 2) - 1] + incomes[incomes.Length / 2]) / 2,
            MissingValueStrategy.Mean => incomes.Average(),
            _ => PreprocessingOptions.Default.ConstantFill,
        };
        double[] days = [1, 30, 90, 200, 365, 700];
        Dataset Customers(double income) => new(
            "new.csv",
            [new NumericColumn("AnnualIncome", [.. days.Select(_ => income)]), new NumericColumn("DaysSinceLastPurchase", [.. days])],
            days.Length,
            null,
            []);

        // Act
        var withMissing = SegmentationService.AssignToSegments(saved, Customers(double.NaN));
        var withFill = SegmentationService.AssignToSegments(saved, Customers(fill));

        // Assert
        Assert.Equal(withFill.ToArray(), withMissing.ToArray());
        Assert.True(withFill.Distinct().Count() > 1, "The customers should span more than one segment.");
        // Income decides some of these customers' segments, so another fill would have placed them elsewhere.
        var otherIncome = fill > incomes[incomes.Length / 2] ? incomes[0] : incomes[^1];
        Assert.NotEqual(withFill.ToArray(), SegmentationService.AssignToSegments(saved, Customers(otherIncome)).ToArray());
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
