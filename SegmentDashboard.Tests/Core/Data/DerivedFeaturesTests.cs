using System.Text.Json;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Preprocessing;
using SegmentDashboard.Tests.Core.Customers;

namespace SegmentDashboard.Tests.Core.Data;

/// <summary>Issue 10: dates offered as derived features (days since, tenure, age) on one-row-per-customer files.</summary>
public class DerivedFeaturesTests
{
    private const string Customers =
        "Customer_ID,Signup_Date,Last_Order_Date,Year_Birth,Income\n" +
        "1,2020-01-15,2024-02-28,1980,50000\n" +
        "2,2023-12-31,2024-03-01,1999,40000\n" +
        "3,2024-02-29,2024-01-01,1975,60000\n";

    private static double[] Values(Dataset dataset, string column) => [.. ((NumericColumn)dataset[column]).Values];

    [Fact]
    public void Derive_HandWorkedDates_TenureDaysSinceAndAgeToTheLastDateInTheFile()
    {
        var dataset = CsvLoader.LoadText(Customers, "customers.csv");

        var derived = DerivedFeatures.Derive(dataset);

        Assert.Equal(new DateOnly(2024, 3, 1), derived.AsOf);
        Assert.Equal("the last date in the file", derived.AsOfSource);
        Assert.Equal(["Tenure (days)", "Days since Last_Order_Date", "Age"], derived.Derived.Select(d => d.Name));
        Assert.Equal(["Signup_Date", "Last_Order_Date", "Year_Birth"], derived.Derived.Select(d => d.Source));
        // 2020-01-15 to 2024-03-01: 4 years with one 29 February (1461 days) + 31 + 15; 2023-12-31: 1 + 31 + 29; 2024-02-29: 1.
        Assert.Equal([1507, 61, 1], Values(derived.Dataset, "Tenure (days)"));
        Assert.Equal([2, 0, 60], Values(derived.Dataset, "Days since Last_Order_Date"));
        Assert.Equal([44, 25, 49], Values(derived.Dataset, "Age"));
        Assert.Equal(dataset.Columns.Length + 3, derived.Dataset.Columns.Length);
    }

    [Fact]
    public void Derive_HandWorkedDates_MeaningsAndReadableLabels()
    {
        var dataset = DerivedFeatures.Derive(CsvLoader.LoadText(Customers, "customers.csv")).Dataset;

        var guesses = ColumnMeanings.Infer(dataset).ToDictionary(g => g.Column);

        Assert.Equal(ColumnMeaning.Count, guesses["Tenure (days)"].Meaning);
        Assert.Equal("tenure", guesses["Tenure (days)"].Label);
        Assert.Equal(ColumnMeaning.Count, guesses["Days since Last_Order_Date"].Meaning);
        Assert.Equal("days since last order date", guesses["Days since Last_Order_Date"].Label);
        Assert.Equal(ColumnMeaning.Demographic, guesses["Age"].Meaning);
        Assert.Equal("age", guesses["Age"].Label);
        Assert.Contains("'Signup_Date'", guesses["Tenure (days)"].Reason, StringComparison.Ordinal);
        Assert.Contains("2024-03-01", guesses["Age"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultFeatures_DerivedDates_DerivedColumnsInRawDatesAndBirthYearOut()
    {
        var dataset = DerivedFeatures.Derive(CsvLoader.LoadText(Customers, "customers.csv")).Dataset;

        var features = Preprocessor.DefaultFeatures(dataset);

        Assert.Equal(["Income", "Tenure (days)", "Days since Last_Order_Date", "Age"], features);
        Assert.Contains("used as 'Age' instead", ColumnMeanings.FeatureExclusion(dataset, dataset["Year_Birth"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_AsOfAsked_CountsToThatDay()
    {
        var dataset = CsvLoader.LoadText(Customers, "customers.csv");

        var derived = DerivedFeatures.Derive(dataset, new DateOnly(2025, 1, 1));

        Assert.Equal("asked for", derived.AsOfSource);
        // 2024 is a leap year: 2024-02-28 is its 59th day, 2024-03-01 its 61st.
        Assert.Equal([308, 306, 366], Values(derived.Dataset, "Days since Last_Order_Date"));
        Assert.Equal([45, 26, 50], Values(derived.Dataset, "Age"));
    }

    [Theory]
    [InlineData("2024-03-01", new double[] { 33, 34, 24 })]
    [InlineData("2023-02-28", new double[] { 32, 32, 22 })]
    [InlineData("2023-03-01", new double[] { 32, 33, 23 })]
    public void Derive_BirthDate_WholeYearsCompleted(string asOf, double[] ages)
    {
        var dataset = CsvLoader.LoadText("id,Date_of_Birth,spend\n1,1990-03-02,10\n2,1990-03-01,20\n3,2000-02-29,30\n", "people.csv");

        var derived = DerivedFeatures.Derive(dataset, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("Age", Assert.Single(derived.Derived).Name);
        Assert.Equal(ages, Values(derived.Dataset, "Age"));
    }

    [Fact]
    public void Derive_BirthYearWithoutAnyDate_CountsToToday()
    {
        var dataset = CsvLoader.LoadText("id,YearOfBirth,spend\n1,1960,10\n2,2001,20\n3,1985,30\n", "people.csv");

        var derived = DerivedFeatures.Derive(dataset, clock: new FixedClock(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal("today", derived.AsOfSource);
        Assert.Equal([66, 25, 41], Values(derived.Dataset, "Age"));
    }

    [Fact]
    public void Derive_OtherDate_DaysSinceOfferedButNotADefault()
    {
        var dataset = CsvLoader.LoadText("id,Ship_Date,spend\n1,2024-01-01,10\n2,2024-01-11,20\n3,2024-01-06,30\n", "ships.csv");

        var derived = DerivedFeatures.Derive(dataset);

        var feature = Assert.Single(derived.Derived);
        Assert.Equal("Days since Ship_Date", feature.Name);
        Assert.False(feature.IsDefault);
        Assert.Equal([10, 0, 5], Values(derived.Dataset, feature.Name));
        Assert.DoesNotContain(feature.Name, Preprocessor.DefaultFeatures(derived.Dataset));
        Assert.Contains("offered, not picked by default", ColumnMeanings.FeatureExclusion(derived.Dataset, derived.Dataset[feature.Name]), StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_AgeColumnAlreadyThere_NoSecondAge()
    {
        var dataset = CsvLoader.LoadText("id,Age,Year_Birth,spend\n1,40,1984,10\n2,30,1994,20\n3,20,2004,30\n", "people.csv");

        var derived = DerivedFeatures.Derive(dataset, new DateOnly(2024, 6, 1));

        Assert.Empty(derived.Derived);
        Assert.Same(dataset, derived.Dataset);
    }

    [Theory]
    [InlineData("realdata_orderlines.csv")]
    [InlineData("realdata_invoices.csv")]
    public void Derive_TransactionsFile_NothingDerivedAndSaysWhy(string file)
    {
        var dataset = RealDataFiles.Load(file);

        var derived = DerivedFeatures.Derive(dataset);

        Assert.Empty(derived.Derived);
        Assert.Same(dataset, derived.Dataset);
        Assert.Contains("transactions", derived.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_Twice_SameColumnsNotDuplicated()
    {
        var once = DerivedFeatures.Derive(CsvLoader.LoadText(Customers, "customers.csv")).Dataset;

        var twice = DerivedFeatures.Derive(once).Dataset;

        Assert.Equal(once.Columns.Select(c => c.Name), twice.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Derive_CampaignFixture_MatchesPandasToTheDayAndYear()
    {
        var dataset = RealDataFiles.Load("realcore_campaign.csv");
        var expected = JsonDocument.Parse(File.ReadAllBytes(RealDataFiles.PathOf("realcore_campaign_expected.json"))).RootElement;

        var derived = DerivedFeatures.Derive(dataset);

        Assert.Equal(ColumnKind.DateTime, dataset["Dt_Customer"].Kind);
        Assert.Equal(expected.GetProperty("asOf").GetString(), derived.AsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.GetProperty("tenureDays").EnumerateArray().Select(v => v.GetDouble()), Values(derived.Dataset, "Tenure (days)"));
        Assert.Equal(expected.GetProperty("daysSinceLastPurchase").EnumerateArray().Select(v => v.GetDouble()), Values(derived.Dataset, "Days since Last_Purchase"));
        Assert.Equal(expected.GetProperty("age").EnumerateArray().Select(v => v.GetDouble()), Values(derived.Dataset, "Age"));
    }

    [Fact]
    public void DefaultFeatures_CampaignFixture_DerivedInRawDatesBirthYearAndContactsOut()
    {
        var dataset = DerivedFeatures.Derive(RealDataFiles.Load("realcore_campaign.csv")).Dataset;

        var features = Preprocessor.DefaultFeatures(dataset);

        Assert.Contains("Tenure (days)", features);
        Assert.Contains("Days since Last_Purchase", features);
        Assert.Contains("Age", features);
        Assert.Contains("Income", features);
        foreach (var never in new[] { "ID", "Year_Birth", "Dt_Customer", "Last_Purchase", "Name", "Email", "Phone" })
        {
            Assert.DoesNotContain(never, features);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
