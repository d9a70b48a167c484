using System.Collections.Immutable;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Profiling;
using SegmentDashboard.Tests.Support;

namespace SegmentDashboard.Tests.Core.Profiling;

public sealed class SegmentProfilerTests
{
    // Rows 0-2: segment 0, rows 3-5: segment 1, row 6: noise (-1, left out of the population).
    private static readonly int[] Labels = [0, 0, 0, 1, 1, 1, -1];

    [Fact]
    public void Build_TinyDataset_SizesSharesAndEffectSizesByHand()
    {
        var profiles = SegmentProfiler.Build(Tiny(), Labels, ["Income", "Rating", "PreferredCategory"]);

        Assert.Equal(2, profiles.Length);
        Assert.Equal([0, 1], profiles.Select(p => p.SegmentId));
        Assert.Equal([3, 3], profiles.Select(p => p.Size));
        Assert.Equal([0.5, 0.5], profiles.Select(p => p.Share));

        // Income over labelled rows 10..60: mean 35, population std sqrt(1750 / 6)
        var income = profiles[1].Traits.Single(t => t.Feature == "Income");
        Tolerance.AssertClose(50, income.SegmentMean);
        Tolerance.AssertClose(50, income.SegmentMedian);
        Tolerance.AssertClose(35, income.PopulationMean);
        Tolerance.AssertClose(35, income.PopulationMedian);
        Tolerance.AssertClose(15 / Math.Sqrt(1750.0 / 6), income.EffectSize);

        // Rating 5,4,5 | 1,2,1 (a missing value in row 6 is noise anyway): mean 3, std sqrt(3)
        var rating = profiles[1].Traits.Single(t => t.Feature == "Rating");
        Tolerance.AssertClose((4.0 / 3 - 3) / Math.Sqrt(3), rating.EffectSize);
        Tolerance.AssertClose(-rating.EffectSize, profiles[0].Traits.Single(t => t.Feature == "Rating").EffectSize);
    }

    [Fact]
    public void Build_TinyDataset_TraitsSortedByAbsoluteEffect()
    {
        var profiles = SegmentProfiler.Build(Tiny(), Labels, ["Income", "Rating"]);

        Assert.Equal(["Rating", "Income"], profiles[1].Traits.Select(t => t.Feature));
    }

    [Fact]
    public void Build_MissingValues_SkippedInMeans()
    {
        var dataset = Data(new NumericColumn("Age", [20, double.NaN, 40, 60]));

        var profiles = SegmentProfiler.Build(dataset, [0, 0, 1, 1], ["Age"]);

        Assert.Equal(20, profiles[0].Traits[0].SegmentMean);
        Assert.Equal(40, profiles[0].Traits[0].PopulationMean);
    }

    [Fact]
    public void Build_CategoryMix_SharesAndLiftPerLevel()
    {
        var profiles = SegmentProfiler.Build(Tiny(), Labels, ["Income", "PreferredCategory"]);

        var electronics = profiles[1].CategoryMix[0];
        Assert.Equal("Electronics", electronics.Level);
        Tolerance.AssertClose(2.0 / 3, electronics.SegmentShare);
        Tolerance.AssertClose(2.0 / 6, electronics.PopulationShare);
        Tolerance.AssertClose(2, electronics.Lift);
        Assert.Equal("Books", profiles[1].CategoryMix[1].Level);
    }

    [Fact]
    public void Build_TinyDataset_NamesFromTraits()
    {
        var profiles = SegmentProfiler.Build(Tiny(), Labels, ["Income", "Rating", "PreferredCategory"]);

        Assert.Equal("Low-rating, high-income critics", profiles[1].Name);
        Assert.Equal("Lower-income fans", profiles[0].Name);
    }

    [Fact]
    public void Build_TinyDataset_DescriptionStatesSizeTraitsAndCategory()
    {
        var profiles = SegmentProfiler.Build(Tiny(), Labels, ["Income", "Rating", "PreferredCategory"]);

        Assert.Equal(
            "3 customers (50%): rating 1.0 SD below average, income 0.9 SD above average, mostly Electronics.",
            profiles[1].Description);
    }

    [Fact]
    public void Build_CategoryColumnExists_PlaybookRecommendsTopCategory()
    {
        var profiles = SegmentProfiler.Build(Tiny(), Labels, ["Income", "Rating"]);

        var playbook = profiles[1].Playbook;
        Assert.Equal(["Electronics"], playbook.ProductCategories.ToArray());
        Assert.Contains(playbook.Actions, a => a.Contains("Electronics", StringComparison.Ordinal));
        Assert.InRange(playbook.Actions.Length, 2, 4);
        Assert.Contains(playbook.Actions, a => a.Contains("service-recovery", StringComparison.Ordinal));
        Assert.StartsWith("Service recovery", playbook.Offer, StringComparison.Ordinal); // strongest trait: low rating
    }

    [Fact]
    public void Build_NoCategoryColumn_NoProductCategoriesButStillActions()
    {
        var dataset = Data(new NumericColumn("DaysSinceLastPurchase", [5, 6, 7, 200, 210, 220]));

        var profiles = SegmentProfiler.Build(dataset, [0, 0, 0, 1, 1, 1], ["DaysSinceLastPurchase"]);

        Assert.Empty(profiles[1].Playbook.ProductCategories);
        Assert.Equal("Win-back discount on the next order", profiles[1].Playbook.Offer);
        Assert.Equal("Lapsed customers", profiles[1].Name);
        Assert.InRange(profiles[1].Playbook.Actions.Length, 2, 4);
    }

    [Fact]
    public void Build_SexColumnNamedGenre_NotTakenForProductCategories()
    {
        var dataset = Data(
            new NumericColumn("Annual Income (k$)", [15, 16, 17, 120, 130, 140]),
            new CategoricalColumn("Genre", [0, 1, 0, 1, 0, 1], ["Male", "Female"]));

        var profiles = SegmentProfiler.Build(dataset, [0, 0, 0, 1, 1, 1], ["Annual Income (k$)", "Genre"]);

        Assert.Empty(profiles[1].Playbook.ProductCategories);
        Assert.Equal("High-income customers", profiles[1].Name);
        Assert.Equal("3 customers (50%): annual income (k$) 1.0 SD above average, mostly Female (genre).", profiles[1].Description);
    }

    [Fact]
    public void UniqueNames_SameTraits_NamesDiffer()
    {
        var profiles = SegmentProfiler.Build(
            Data(new NumericColumn("Spending Score (1-100)", [90, 91, 92, 93, 10, 11])),
            [0, 0, 1, 1, 2, 2],
            ["Spending Score (1-100)"]);

        Assert.Equal(3, profiles.Select(p => p.Name).Distinct().Count());
        Assert.Equal("Big spenders", profiles[0].Name);
        Assert.Equal("Big spenders 2", profiles[1].Name);
        Assert.Equal("Careful spenders", profiles[2].Name);
    }

    [Fact]
    public void Build_GenericFeature_NameUsesFeatureWords()
    {
        var profiles = SegmentProfiler.Build(Data(new NumericColumn("Fresh_Produce", [1, 2, 50, 60])), [0, 0, 1, 1], ["Fresh_Produce"]);

        Assert.Equal("High Fresh Produce customers", profiles[1].Name);
        Assert.Equal("Low Fresh Produce customers", profiles[0].Name);
    }

    [Fact]
    public void Build_BooleanFeature_DescribedAsShares()
    {
        var dataset = Data(new NumericColumn("PrimeMember", ColumnKind.Boolean, [1, 1, 1, 0, 0, 1]));

        var profiles = SegmentProfiler.Build(dataset, [0, 0, 0, 1, 1, 1], ["PrimeMember"]);

        Assert.Equal("Prime loyalists", profiles[0].Name);
        Assert.Equal("3 customers (50%): 100% prime member (vs 67% overall).", profiles[0].Description);
        Assert.Equal("Non-Prime customers", profiles[1].Name);
    }

    [Fact]
    public void Build_OnlyNoise_NoProfiles()
    {
        Assert.Empty(SegmentProfiler.Build(Tiny(), [-1, -1, -1, -1, -1, -1, -1], ["Income"]));
    }

    private static Dataset Tiny() => Data(
        new NumericColumn("Income", [10, 20, 30, 40, 50, 60, 1_000]),
        new NumericColumn("Rating", [5, 4, 5, 1, 2, 1, double.NaN]),
        new CategoricalColumn("PreferredCategory", [0, 0, 2, 1, 1, 0, 2], ["Books", "Electronics", "Toys"]));

    private static Dataset Data(params Column[] columns) => new("test.csv", [.. columns], columns[0].Count, null, ImmutableArray<IngestWarning>.Empty);
}
