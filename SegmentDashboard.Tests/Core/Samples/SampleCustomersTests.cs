using System.Security.Cryptography;
using System.Text;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Samples;

namespace SegmentDashboard.Tests.Core.Samples;

public sealed class SampleCustomersTests
{
    [Fact]
    public void ToCsv_TwoCalls_IdenticalText()
    {
        var first = SampleCustomers.ToCsv();
        var second = SampleCustomers.ToCsv();

        Assert.Equal(first, second);
    }

    [Fact]
    public void ToCsv_DefaultArguments_MatchesPinnedHash()
    {
        // Pinned to catch accidental changes of the generator (PRNG, distributions, formatting).
        // If the sample is changed on purpose, update this hash and say so in the commit.
        var csv = SampleCustomers.ToCsv();

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(PinnedHash, hash);
    }

    [Fact]
    public void Generate_Default_HasTwoThousandRowsElevenColumnsWithRightKinds()
    {
        var dataset = SampleCustomers.Generate();

        Assert.Equal(2_000, dataset.RowCount);
        Assert.Equal(
            ["CustomerId", "Age", "Sex", "AnnualIncome", "AvgRatingGiven", "PurchasesPerYear", "AvgOrderValue",
             "PrimeMember", "PreferredCategory", "ReviewsWritten", "DaysSinceLastPurchase"],
            dataset.Columns.Select(column => column.Name));
        Assert.Equal(ColumnKind.Identifier, dataset["CustomerId"].Kind);
        Assert.Equal(ColumnKind.Boolean, dataset["PrimeMember"].Kind);
        Assert.Equal(ColumnKind.Categorical, dataset["PreferredCategory"].Kind);
        Assert.Equal(ColumnKind.Categorical, dataset["Sex"].Kind);
        Assert.Equal(ColumnKind.Numeric, dataset["AnnualIncome"].Kind);
        Assert.All(dataset.Columns, column => Assert.Equal(2_000, column.Count));
        Assert.Equal("C00001", dataset["CustomerId"].Format(0));
        Assert.Equal("C02000", dataset["CustomerId"].Format(1_999));
    }

    [Fact]
    public void Generate_Default_ValuesInRangeWithAFewMissingAndOutliers()
    {
        var dataset = SampleCustomers.Generate();
        var rating = ((NumericColumn)dataset["AvgRatingGiven"]).Values.Where(v => !double.IsNaN(v)).ToList();
        var income = ((NumericColumn)dataset["AnnualIncome"]).Values;

        Assert.All(rating, value => Assert.InRange(value, 1, 5));
        Assert.InRange(dataset["AnnualIncome"].MissingCount, 8, 40); // about 1% of 2,000
        Assert.InRange(dataset["AvgRatingGiven"].MissingCount, 8, 40);
        Assert.Equal(0, dataset["CustomerId"].MissingCount);
        Assert.InRange(income.Count(value => value >= 260_000), 1, 20);
        Assert.Equal(["Yes", "No"], Enumerable.Range(0, 2_000).Select(dataset["PrimeMember"].Format).Distinct().Order().Reverse());
    }

    [Fact]
    public void Generate_PlantedGroups_DifferAsDesigned()
    {
        var (dataset, truth) = SampleCustomers.GenerateWithTruth();
        var days = ((NumericColumn)dataset["DaysSinceLastPurchase"]).Values;
        var rating = ((NumericColumn)dataset["AvgRatingGiven"]).Values;

        double Mean(IReadOnlyList<double> values, int group) =>
            Enumerable.Range(0, values.Count).Where(i => truth[i] == group && !double.IsNaN(values[i])).Average(i => values[i]);

        Assert.Equal(5, truth.Distinct().Count());
        Assert.True(Mean(days, 3) > 150, "lapsed customers have not bought for months");
        Assert.True(Mean(rating, 2) < 2.6, "critical reviewers rate low");
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentTable()
    {
        Assert.NotEqual(SampleCustomers.ToCsv(200, seed: 1), SampleCustomers.ToCsv(200, seed: 2));
    }

    [Fact]
    public void ToCsv_Default_HeaderAndCommaSeparatedInvariantNumbers()
    {
        var lines = SampleCustomers.ToCsv(5).Split("\r\n");

        Assert.Equal("CustomerId,Age,Sex,AnnualIncome,AvgRatingGiven,PurchasesPerYear,AvgOrderValue,PrimeMember,PreferredCategory,ReviewsWritten,DaysSinceLastPurchase", lines[0]);
        Assert.Equal(7, lines.Length); // header, 5 rows, trailing empty
        Assert.All(lines.Skip(1).Take(5), line => Assert.Equal(10, line.Count(ch => ch == ',')));
    }

    private const string PinnedHash = "FD7AFDB9B70E1ACE43CAF72144CBD68C28B5DB7A89B2F01F3737E358006CD90A";
}
