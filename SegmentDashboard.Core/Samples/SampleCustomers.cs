using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SegmentDashboard.Core.Data;
using SegmentDashboard.Core.Export;

namespace SegmentDashboard.Core.Samples;

/// <summary>
/// The built-in demo data: a deterministic synthetic Amazon customer table with planted
/// segments, a few missing values and outliers.
/// </summary>
/// <remarks>
/// Eleven columns: CustomerId (identifier, "C00001"...), Age, Sex, AnnualIncome (dollars),
/// AvgRatingGiven (1–5), PurchasesPerYear, AvgOrderValue (dollars), PrimeMember (Yes/No),
/// PreferredCategory, ReviewsWritten, DaysSinceLastPurchase. Five groups are planted: affluent
/// Prime loyalists, young bargain hunters, critical reviewers, lapsed customers and family home
/// shoppers. About 1% of incomes and ratings (and 0.5% of ages, sexes and categories) are
/// missing; about 0.3% of customers have an outlying income and 0.3% an outlying purchase count
/// (incomes of $260k–$400k, 150–250 purchases a year).
/// </remarks>
public static class SampleCustomers
{
    public const int DefaultRows = 2_000;

    /// <summary>The display name of the generated dataset.</summary>
    public const string DatasetName = "sample-amazon-customers.csv";

    /// <summary>The same table for the same arguments, on every machine.</summary>
    public static Dataset Generate(int rows = DefaultRows, int seed = 42) => GenerateWithTruth(rows, seed).Dataset;

    /// <summary>The sample as CSV text (comma, UTF-8, invariant numbers, CRLF line ends).</summary>
    public static string ToCsv(int rows = DefaultRows, int seed = 42)
    {
        var dataset = Generate(rows, seed);
        var builder = new StringBuilder(dataset.RowCount * 96);
        builder.AppendJoin(',', dataset.Columns.Select(column => Quote(column.Name))).Append("\r\n");
        for (var row = 0; row < dataset.RowCount; row++)
        {
            for (var c = 0; c < dataset.Columns.Length; c++)
            {
                if (c > 0)
                {
                    builder.Append(',');
                }

                builder.Append(Quote(dataset.Columns[c].Format(row)));
            }

            builder.Append("\r\n");
        }

        return builder.ToString();
    }

    /// <summary>The sample and, per row, the index of the planted group it was drawn from.</summary>
    internal static (Dataset Dataset, ImmutableArray<int> PlantedGroup) GenerateWithTruth(int rows = DefaultRows, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var random = new SampleRandom(seed);
        var groups = PlantedSegment.All;
        var weights = groups.Select(group => group.Weight).ToArray();

        var ids = new string?[rows];
        var age = new double[rows];
        var sex = new int[rows];
        var income = new double[rows];
        var rating = new double[rows];
        var purchases = new double[rows];
        var orderValue = new double[rows];
        var prime = new double[rows];
        var category = new int[rows];
        var reviews = new double[rows];
        var days = new double[rows];
        var truth = new int[rows];

        for (var i = 0; i < rows; i++)
        {
            var g = random.Pick(weights);
            var group = groups[g];
            truth[i] = g;
            ids[i] = "C" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);
            sex[i] = random.Chance(group.FemaleShare) ? 0 : 1;
            age[i] = group.Age.Draw(random);
            income[i] = group.Income.Draw(random);
            rating[i] = group.Rating.Draw(random);
            purchases[i] = group.Purchases.Draw(random);
            orderValue[i] = group.OrderValue.Draw(random);
            prime[i] = random.Chance(group.PrimeShare) ? 1 : 0;
            category[i] = random.Pick(group.CategoryWeights);
            reviews[i] = group.Reviews.Draw(random);
            days[i] = group.DaysSincePurchase.Draw(random);

            // Outliers: a few very high incomes and a few compulsive buyers.
            if (random.Chance(0.003))
            {
                income[i] = 100 * Math.Round(2_600 + (random.NextDouble() * 1_400));
            }

            if (random.Chance(0.003))
            {
                purchases[i] = 150 + Math.Floor(random.NextDouble() * 100);
            }

            // Missing values, as a real export has them.
            income[i] = random.Chance(0.01) ? double.NaN : income[i];
            rating[i] = random.Chance(0.01) ? double.NaN : rating[i];
            age[i] = random.Chance(0.005) ? double.NaN : age[i];
            sex[i] = random.Chance(0.005) ? -1 : sex[i];
            category[i] = random.Chance(0.005) ? -1 : category[i];
        }

        Column[] columns =
        [
            new TextColumn("CustomerId", ColumnKind.Identifier, [.. ids]),
            new NumericColumn("Age", [.. age]),
            new CategoricalColumn("Sex", [.. sex], ["Female", "Male"]),
            new NumericColumn("AnnualIncome", [.. income]),
            new NumericColumn("AvgRatingGiven", [.. rating]),
            new NumericColumn("PurchasesPerYear", [.. purchases]),
            new NumericColumn("AvgOrderValue", [.. orderValue]),
            new NumericColumn("PrimeMember", ColumnKind.Boolean, [.. prime]),
            new CategoricalColumn("PreferredCategory", [.. category], [.. PlantedSegment.Categories]),
            new NumericColumn("ReviewsWritten", [.. reviews]),
            new NumericColumn("DaysSinceLastPurchase", [.. days]),
        ];

        var dataset = new Dataset(DatasetName, [.. columns], rows, null, ImmutableArray<IngestWarning>.Empty);
        return (dataset, [.. truth]);
    }

    private static string Quote(string value) => LabeledCsvWriter.QuoteIfNeeded(value);
}
